// A diagnostic is the only thing validation ever produces: never an exception. It names the file,
// the position, the rule, and says what is wrong in Bahasa Indonesia and in English.

export type Severity = "error" | "warning";
export type Lang = "id" | "en";

export interface Message {
  id: string;
  en: string;
}

export interface Diagnostic {
  /** Repository-relative path with forward slashes. */
  file: string;
  /** 1-based; 1 when the problem concerns the file as a whole. */
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: Message;
}

export interface Position {
  line: number;
  column: number;
}

export const START: Position = { line: 1, column: 1 };

export function diagnostic(file: string, at: Position, rule: string, severity: Severity, message: Message): Diagnostic {
  return { file, line: at.line, column: at.column, rule, severity, message };
}

/** Sorted by file, line, column, rule: output is the same whatever order the files were read in. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
      (a.message.en < b.message.en ? -1 : a.message.en > b.message.en ? 1 : 0),
  );
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === "error");
}
