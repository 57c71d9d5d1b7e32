// Messages that teach, as a table: a realistic mistake in, the message out in Indonesian and in
// English. Each message says what was written and what to write instead, from the user's value;
// the English never carries Indonesian and the Indonesian never the yaml library's English.
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/load/parse.ts";
import { baseRequest, one, requestText, run } from "./helpers.ts";

const enc = new TextEncoder();
const yamlOf = (text: string) => parseYaml("requests/dinkes/sehat.yaml", enc.encode(text)).diagnostics;
const withLine = (text: string, from: string, to: string) => {
  expect(text).toContain(from);
  return yamlOf(text.replace(from, to));
};
const base = requestText();

const TABLE: { mistake: string; diagnostics: () => { message: { id: string; en: string }; line?: number }[]; id: string; en: string; line?: number }[] = [
  { mistake: "a full domain as the label", diagnostics: () => one({ label: "sehat.contohkab.go.id" }), id: "Hapus `.contohkab.go.id`: tulis `sehat`", en: "Remove `.contohkab.go.id`: write `sehat`" },
  { mistake: "a URL as the alias", diagnostics: () => one({ target: { alias: "https://antrian.contoh.id/daftar" } }), id: "adalah alamat web (URL); tulis nama host saja: `antrian.contoh.id`", en: "is a web address (URL); write the host name only: `antrian.contoh.id`" },
  { mistake: "a date written 02-03-2026", diagnostics: () => one({ letter: { ...(baseRequest().letter as object), date: "02-03-2026" } }), id: "tertulis `02-03-2026`; tanggal ditulis tahun-bulan-tanggal (TTTT-BB-HH): tulis `2026-03-02`", en: "`02-03-2026` was written; dates are year-month-day (YYYY-MM-DD): write `2026-03-02`" },
  { mistake: "a date written 2 Maret 2026", diagnostics: () => one({ reviewBy: "2 Maret 2026" }), id: "tertulis `2 Maret 2026`; tanggal ditulis tahun-bulan-tanggal (TTTT-BB-HH): tulis `2026-03-02`", en: "write `2026-03-02`" },
  {
    mistake: "a NIP with spaces as printed on an SK",
    diagnostics: () => one({ contacts: { ...(baseRequest().contacts as object), administrative: { ...(baseRequest().contacts as { administrative: object }).administrative, nip: "19870315 201001 2 004" } } }),
    id: "NIP `19870315 201001 2 004` ditulis dengan spasi seperti pada SK; hapus spasinya: tulis `\"198703152010012004\"`",
    en: "remove the spaces: write `\"198703152010012004\"`",
  },
  { mistake: "a NIP without quotes", diagnostics: () => yamlDiagnostics(base.replace('nip: "198703152010012004"', "nip: 198703152010012004")), id: "NIP ditulis tanpa tanda kutip sehingga dibaca sebagai angka", en: "the NIP is written without quotes, so it is read as a number" },
  { mistake: "a tab as indentation", diagnostics: () => withLine(base, "\n  number:", "\n\tnumber:"), id: "Baris 5 diawali tab; YAML hanya menerima spasi di awal baris. Ganti tab dengan spasi", en: "Line 5 starts with a tab", line: 5 },
  { mistake: "a field indented one space too deep", diagnostics: () => withLine(base, "\n  date:", "\n   date:"), id: "Spasi di awal baris 6 tidak sejajar dengan baris di atasnya", en: "The spaces at the start of line 6 do not line up", line: 6 },
  { mistake: "a field indented one space too shallow", diagnostics: () => withLine(base, "\n  date:", "\n date:"), id: "Spasi di awal baris 6 tidak sejajar", en: "line 6 do not line up", line: 6 },
  {
    mistake: "a name another OPD already has",
    diagnostics: () => run({ "requests/dinkes/sehat.yaml": requestText(), "requests/disdik/sehat.yaml": requestText({}, "sehat", "disdik") }).filter((d) => d.file === "requests/disdik/sehat.yaml" && d.rule === "name.unique"),
    id: "Nama `sehat` sudah dipakai Dinas Kesehatan (requests/dinkes/sehat.yaml). Satu nama hanya untuk satu permohonan: pilih nama lain, misalnya `sehat-disdik`.",
    en: "The name `sehat` is already used by Dinas Kesehatan (requests/dinkes/sehat.yaml). A name belongs to one request: choose another name, e.g. `sehat-disdik`.",
  },
];

function yamlDiagnostics(text: string) {
  // A full validation: the schema sees the value the YAML reader made of the text.
  return run({ "requests/dinkes/sehat.yaml": text });
}

describe("mistake in, message out", () => {
  it.each(TABLE)("$mistake", ({ diagnostics, id, en, line }) => {
    const d = diagnostics();
    const ids = d.map((x) => x.message.id);
    const ens = d.map((x) => x.message.en);
    expect(ids.join("\n")).toContain(id);
    expect(ens.join("\n")).toContain(en);
    const hit = d.find((x) => x.message.id.includes(id))!;
    if (line !== undefined) expect(hit.line).toBe(line);
    // English throughout with --lang en; Indonesian without the yaml library's English.
    expect(hit.message.en).not.toMatch(/\b(tulis|tanggal|baris|hapus|harus|dipakai)\b/i);
    expect(hit.message.id).not.toMatch(/\b(Implicit|mapping|allowed|indentation|Unexpected|must)\b/);
    // Never advise merging into another OPD's request.
    expect(hit.message.id).not.toMatch(/gabung/i);
  });

  it("no message of a required field calls it optional", () => {
    const d = one({ letter: { number: "1/2026", date: "2026-03-02" } }); // governance requires letter.scan
    expect(d.length).toBeGreaterThan(0);
    for (const x of d) expect(`${x.message.id} ${x.message.en}`).not.toMatch(/opsional|optional/i);
  });
});
