// The link from the web form to GitHub's issue form, pre-filled, so the intake runs as it does for
// a form filled on GitHub. Pure, no Node APIs: it runs in the page's bundle.
//
// What GitHub does with the link (docs.github.com, "Creating an issue from a URL query"; issue
// forms take `template=<file>.yml` and `<field id>=<value>`):
// - only input and textarea fields are filled from the query; a dropdown cannot be (reported by
//   many: community discussion #15477; a dropdown parameter has even been seen to drop the whole
//   form for a blank issue), so choices and ticks become steps the liaison does on GitHub;
// - a URL longer than 8,191 bytes is answered "414 URI Too Long" (github/docs#4537, #5136). We
//   stop at URL_LIMIT = 8,000 characters, which leaves room for the request line around it; the
//   browsers themselves take far longer URLs (Chromium 2 MB), so GitHub is the limit. What does
//   not fit is left out of the URL, longest first, and the page asks to paste it;
// - a submitted form becomes `### <label>\n\n<value>` sections (src/forms/parse.ts reads them):
//   a value is refused here when that reading would not give it back (a line beginning "### ",
//   the text "_No response_", a line break in a one-line field, which the browser strips), since
//   the intake would then write another file than the page shows;
// - an issue body holds at most 65,536 characters: beyond, no issue can carry the form.
import type { Message } from "../../diagnostics/diagnostic.ts";
import { FORM_LABELS, FORM_TITLES, formFields, type Field, type FormKind } from "../../forms/fields.ts";
import { NO_RESPONSE, parseIssueBody } from "../../forms/parse.ts";
import type { Governance } from "../../model/governance.ts";
import { typedValues, type FormValues } from "./values.ts";

export const URL_LIMIT = 8000;
export const BODY_LIMIT = 65536;

/** Something the liaison does by hand on GitHub's form, in the form's order. */
export interface SendStep {
  /** Field id. */
  id: string;
  label: string;
  action: "choose" | "tick" | "paste";
  /** The option to choose or tick, or the text to paste. */
  value: string;
  message: Message;
}

export interface SendProblem {
  /** Field id; absent for the form as a whole. */
  id?: string;
  label?: string;
  message: Message;
}

export type IssueLink =
  /** Open `url`, then do `steps`; the intake then writes the file the page shows. */
  | { ok: true; url: string; steps: SendStep[] }
  /** These values cannot travel through GitHub's form unchanged: fix them first, or download the file. */
  | { ok: false; problems: SendProblem[] };

/** The section GitHub writes for one field of a submitted form (checkboxes are never filled from the link). */
function section(f: Field, value: string | undefined): string {
  const shown = value === undefined || value === "" ? NO_RESPONSE : f.render ? "```" + f.render + "\n" + value + "\n```" : value;
  return `### ${f.label}\n\n${shown}`;
}

/** Why a value would not come back from the issue body as it is, or undefined when it would. */
function refusal(f: Field, value: string): Message | undefined {
  if (f.kind === "input" && /[\r\n]/.test(value))
    return { id: `"${f.label}" hanya satu baris: hapus ganti baris di dalamnya.`, en: `"${f.label}" is a single line: remove the line breaks in it.` };
  const back = parseIssueBody(`${section(f, value)}\n\n`);
  if (back.values[f.id] === value && back.unknown.length === 0) return undefined;
  if (value === NO_RESPONSE) return { id: `"${f.label}": tulisan "${NO_RESPONSE}" dibaca GitHub sebagai isian kosong; kosongkan saja.`, en: `"${f.label}": the text "${NO_RESPONSE}" reads as an empty field on GitHub; leave it empty instead.` };
  if (/^### /m.test(value)) return { id: `"${f.label}": baris yang diawali "### " terbaca sebagai judul bagian lain di isu GitHub; ubah awal baris itu.`, en: `"${f.label}": a line starting with "### " reads as another section's heading in the GitHub issue; change how that line starts.` };
  return { id: `"${f.label}": isian ini terbaca lain di isu GitHub (misalnya pagar kode \`\`\`); ubah penulisannya.`, en: `"${f.label}": this value reads differently in the GitHub issue (for example a \`\`\` code fence); write it another way.` };
}

/** "https://github.com/owner/repo" (a trailing slash or "/blob/<branch>/" from --source-url is dropped). */
export function repositoryUrl(url: string): string {
  return url.replace(/\/blob\/[^/]+\/?$/, "").replace(/\/+$/, "");
}

/** The pre-filled new-issue link for the form's values, or why it cannot be made. */
export function issueLink(kind: FormKind, values: FormValues, governance: Governance, repository: string): IssueLink {
  const fields = formFields(kind, governance);
  const typed = typedValues(kind, values, governance);
  const problems: SendProblem[] = [];
  const steps: SendStep[] = [];
  const text: { f: Field; value: string }[] = [];
  for (const f of fields) {
    const value = typed.values[f.id];
    if (f.kind === "checkboxes") {
      // The confirmation is ticked later, after the intake's preview; never in advance.
      if (f.id === "confirm") continue;
      for (const option of typed.checked[f.id] ?? [])
        steps.push({ id: f.id, label: f.label, action: "tick", value: option, message: { id: `Di GitHub, centang "${option}" pada "${f.label}".`, en: `On GitHub, tick "${option}" under "${f.label}".` } });
      continue;
    }
    if (value === undefined) continue;
    if (f.kind === "dropdown") {
      steps.push({ id: f.id, label: f.label, action: "choose", value, message: { id: `Di GitHub, pilih "${value}" pada "${f.label}" (pilihan tidak dapat diisikan lewat tautan).`, en: `On GitHub, choose "${value}" in "${f.label}" (a choice cannot be filled in through the link).` } });
      continue;
    }
    const refused = refusal(f, value);
    if (refused) problems.push({ id: f.id, label: f.label, message: refused });
    else text.push({ f, value });
  }
  const body = fields.map((f) => (f.kind === "checkboxes" ? `### ${f.label}\n\n${(typed.checked[f.id] ?? []).map((o) => `- [X] ${o}`).join("\n") || NO_RESPONSE}` : section(f, typed.values[f.id]))).join("\n\n");
  if (body.length > BODY_LIMIT)
    problems.push({
      message: {
        id: `Isian terlalu panjang untuk satu isu GitHub (paling banyak ${BODY_LIMIT.toLocaleString("id-ID")} karakter, ini ${body.length.toLocaleString("id-ID")}). Persingkat isian terpanjang, atau unduh berkas YAML dan serahkan ke admin Diskominfo.`,
        en: `The form is too long for one GitHub issue (at most ${BODY_LIMIT.toLocaleString("en")} characters, this is ${body.length.toLocaleString("en")}). Shorten the longest fields, or download the YAML file and hand it to the Diskominfo admins.`,
      },
    });
  if (problems.length) return { ok: false, problems };

  const label = typed.values.label;
  const title = FORM_TITLES[kind].title + (label && label.length <= 63 && !/\s/.test(label) ? label : "");
  const param = (k: string, v: string) => `${k}=${encodeURIComponent(v)}`;
  const base = `${repositoryUrl(repository)}/issues/new?${param("template", `${FORM_LABELS[kind]}.yml`)}&${param("title", title)}`;
  const build = () => base + text.map(({ f, value }) => `&${param(f.id, value)}`).join("");
  let url = build();
  // Longest first out of the link: each one taken out becomes a paste step, as few as possible.
  while (url.length > URL_LIMIT && text.length) {
    const longest = text.reduce((a, b) => (encodeURIComponent(b.value).length > encodeURIComponent(a.value).length ? b : a));
    text.splice(text.indexOf(longest), 1);
    const f = longest.f;
    steps.push({ id: f.id, label: f.label, action: "paste", value: longest.value, message: { id: `"${f.label}" terlalu panjang untuk tautan (GitHub menolak alamat lebih dari sekitar ${URL_LIMIT.toLocaleString("id-ID")} karakter): salin isinya dari halaman ini lalu tempel ke "${f.label}" di GitHub.`, en: `"${f.label}" is too long for the link (GitHub refuses addresses over about ${URL_LIMIT.toLocaleString("en")} characters): copy it from this page and paste it into "${f.label}" on GitHub.` } });
    url = build();
  }
  const order = new Map(fields.map((f, i) => [f.id, i]));
  steps.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { ok: true, url, steps };
}
