// Text from a request made inert for the two kinds of output every stage writes: Markdown that
// GitHub renders (comments, registry) and lines for a terminal or an Actions log. One function per
// output; every renderer of that output calls it, none escapes on its own.

const CONTROLS = /[\x00-\x1f\x7f-\x9f]/g;
const NAMED: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
/** Everything some replacement in markdownText matches; no match, no change. */
const ACTS_ON = /[\x00-\x1f\x7f-\x9f\\`*_{}[\]#!|<>&~$@]|:\/\/|www\./i;

/**
 * Literal text inside GitHub Markdown: every character Markdown or GitHub's filters act on becomes
 * a character reference (links, images, emphasis, headings, tables, HTML, math), `www.`
 * and `scheme:` cannot start an autolink, `@` and `#` cannot start a mention or a reference (a
 * word joiner follows them), and line breaks and control characters become spaces.
 */
export function markdownText(s: string): string {
  // Most text (names, dates, paths: a registry of 15,000 rows is 150,000 cells) holds nothing
  // the replacements below act on: returned as it is, without four passes over it.
  if (!ACTS_ON.test(s)) return s;
  return s
    .replace(CONTROLS, " ")
    .replace(/[\\`*_{}[\]#!|<>&~$@]/g, (c) => (NAMED[c] ?? `&#${c.charCodeAt(0)};`) + (c === "@" || c === "#" ? "\u2060" : ""))
    .replace(/:\/\//g, "&#58;//")
    .replace(/(www)\./gi, "$1&#46;");
}

/** Literal text as code: also out of reach of GitHub's reference filters, which skip code. */
export const markdownCode = (s: string) => `<code>${markdownText(s)}</code>`;

/**
 * One line for a terminal or a GitHub Actions log: control characters (escape sequences, line
 * breaks that would start a `::command::` line) are shown as `\xNN`, and the legacy `##[command]`
 * form is broken with a word joiner, so no request text acts as a workflow command or moves the cursor.
 */
export function terminalText(s: string): string {
  return s.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`).replace(/##\[/g, "#\u2060#[").replace(/^(\s*)::/, "$1:\u2060:");
}
