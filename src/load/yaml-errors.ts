// The yaml library's syntax errors in words a liaison can act on, in Indonesian and English, naming
// the line to fix. The library's own English text is never shown: its codes are mapped here by
// hand because no library translates them. A problem found at the end of a line (the library's
// place for "the next line is indented too deep") is reported on the next line, where the fix is.
// Only the first problem is reported: after a broken line the library's later errors are echoes.
import type { ErrorCode } from "yaml";
import type { Message } from "../diagnostics/diagnostic.ts";

export interface YamlProblem {
  /** 1-based line to point at. */
  line: number;
  message: Message;
}

export function yamlProblem(code: ErrorCode, text: string, line: number, column: number): YamlProblem {
  const lines = text.split("\n");
  const here = lines[line - 1] ?? "";
  const indent = (s: string) => s.length - s.trimStart().length;
  // The library reports a line indented too deep on the value of the line before it.
  const next = lines[line];
  const indentLine = code !== "BAD_INDENT" && next !== undefined && next.trim() !== "" && indent(next) > indent(here) ? line + 1 : line;
  const secondColon = /:\s.*:(\s|$)/.test(here.trim());
  void column;
  const m = (id: string, en: string, at = line): YamlProblem => ({ line: at, message: { id, en } });
  switch (code) {
    case "TAB_AS_INDENT":
      return m(`Baris ${line} diawali tab; YAML hanya menerima spasi di awal baris. Ganti tab dengan spasi (dua spasi per tingkat).`, `Line ${line} starts with a tab; YAML accepts only spaces at the start of a line. Replace the tab with spaces (two per level).`);
    case "BAD_INDENT":
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      if (code === "BLOCK_AS_IMPLICIT_KEY" && secondColon && indentLine === line)
        return m(`Baris ${line} memuat titik dua kedua setelah nilai (\`${here.trim()}\`). Bila titik dua itu bagian dari nilai, tulis nilainya di antara tanda kutip, misalnya \`kunci: "a: b"\`.`, `Line ${line} holds a second colon after a value (\`${here.trim()}\`). If the colon is part of the value, put the value in quotes, e.g. \`key: "a: b"\`.`);
      return m(
        `Spasi di awal baris ${indentLine} tidak sejajar dengan baris di atasnya. Kolom dalam satu bagian harus mulai pada kolom yang sama, dan isi sebuah bagian menjorok dua spasi lebih dalam dari judulnya, misalnya \`letter:\` lalu \`  number: ...\` dan \`  date: ...\`.`,
        `The spaces at the start of line ${indentLine} do not line up with the lines above. Fields of one block start in the same column, and a block's content is indented two spaces deeper than its heading, e.g. \`letter:\` then \`  number: ...\` and \`  date: ...\`.`,
        indentLine,
      );
    case "MISSING_CHAR":
      return m(`Sebelum baris ${line} ada tanda kutip (") atau kurung ([ {) yang belum ditutup. Tutup pada baris yang sama, misalnya \`values: ["v=spf1 -all"]\`.`, `Before line ${line} a quote (") or bracket ([ {) is not closed. Close it on the same line, e.g. \`values: ["v=spf1 -all"]\`.`);
    case "BAD_SCALAR_START":
      return m(`Nilai pada baris ${line} diawali tanda yang punya arti khusus di YAML (misalnya @, \`, %, | atau >). Tulis nilainya di antara tanda kutip, misalnya \`nama: "@nilai"\`.`, `The value on line ${line} starts with a character that means something in YAML (such as @, \`, %, | or >). Put the value in quotes, e.g. \`name: "@value"\`.`);
    case "BAD_DQ_ESCAPE":
      return m(`Baris ${line} memuat garis miring terbalik (\\) di antara tanda kutip ganda. Pakai tanda kutip tunggal, misalnya \`'C:\\data'\`.`, `Line ${line} holds a backslash (\\) inside double quotes. Use single quotes, e.g. \`'C:\\data'\`.`);
    case "UNEXPECTED_TOKEN":
      return m(`Baris ${line} tidak cocok dengan baris di atasnya: daftar (baris berawalan \`- \`) dan kolom (\`nama: nilai\`) tidak boleh bercampur pada tingkat yang sama. Periksa spasi di awal baris ${line} dan tanda \`- \`.`, `Line ${line} does not fit the lines above: list items (lines starting \`- \`) and fields (\`name: value\`) cannot mix at one level. Check the spaces at the start of line ${line} and the \`- \` marks.`);
    default:
      return m(`Penulisan YAML pada baris ${line} tidak sah. Periksa titik dua setelah nama kolom, tanda kutip, dan spasi di awal baris ini dan baris di atasnya.`, `The YAML on line ${line} is invalid. Check the colon after each field name, the quotes, and the spaces at the start of this line and the one above.`);
  }
}
