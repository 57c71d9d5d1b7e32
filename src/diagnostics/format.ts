// Renderers for diagnostics: human text, GitHub Actions annotations, JSON.
import type { Diagnostic, Lang } from "./diagnostic.ts";
import { terminalText } from "./inert.ts";

const WORDS = {
  id: { error: "galat", warning: "peringatan", ok: "Semua berkas valid.", summary: (e: number, w: number, f: number) => `${e} galat, ${w} peringatan dalam ${f} berkas.` },
  en: { error: "error", warning: "warning", ok: "All files are valid.", summary: (e: number, w: number, f: number) => `${e} errors, ${w} warnings in ${f} files.` },
};

export function formatText(list: readonly Diagnostic[], lang: Lang, filesChecked: number): string {
  const w = WORDS[lang];
  const lines = list.map((d) => terminalText(`${d.file}:${d.line}:${d.column}: ${w[d.severity]} [${d.rule}] ${d.message[lang]}`));
  const errors = list.filter((d) => d.severity === "error").length;
  lines.push(list.length === 0 ? `${w.ok} (${filesChecked})` : w.summary(errors, list.length - errors, filesChecked));
  return lines.join("\n") + "\n";
}

/** Workflow commands: the message must escape %, CR and LF; properties also : and ,. */
function escapeData(s: string): string {
  // %, CR and LF as the runner decodes them; other control characters shown, never sent raw.
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => terminalText(c));
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function formatGithub(list: readonly Diagnostic[], lang: Lang): string {
  return list
    .map(
      (d) =>
        `::${d.severity} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}::${escapeData(d.message[lang])}`,
    )
    .join("\n") + (list.length ? "\n" : "");
}

export function formatJson(list: readonly Diagnostic[], filesChecked: number): string {
  return JSON.stringify({ files: filesChecked, errors: list.filter((d) => d.severity === "error").length, diagnostics: list }, null, 2) + "\n";
}
