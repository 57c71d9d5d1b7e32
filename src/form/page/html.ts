// The web form's HTML (formulir/index.html in Indonesian, formulir/en.html in English), built in
// Node from the issue form's fields and governance. Every input is in the HTML from the start,
// each with its label, help text and error element tied by id; the script (formulir.js) only
// shows the fields of the chosen mode, fills the registry names in and writes the findings.
// No external assets: the style is inline (allowed by its hash), the script and data.json are
// beside the page, and the CSP allows nothing else.
import type { Lang } from "../../diagnostics/diagnostic.ts";
import { describe } from "../../forms/generate.ts";
import { isRequired, requestSchema } from "../../forms/required.ts";
import { FIELDS, type Field } from "../../forms/fields.ts";
import type { Governance } from "../../model/governance.ts";
import { documentHead, escapeHtml, sha256 } from "../../targets/registry/html.ts";
import { hostingWords } from "../../targets/registry/quantity-words.ts";
import { field, SECTIONS, TARGET_KIND_KEYS } from "./model.ts";
import { DELETE_DATA_EN, FIELD_WORDS_EN, PAGE_WORDS } from "./words.ts";

/** The help texts' little Markdown (`code`, **bold**) as HTML, everything else escaped. */
export function inlineMarkdown(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--muted:#57606a;--line:#8c959f;--soft:#f3f4f6;--accent:#0b5cad;--bad:#b60205;--warn:#7a5200;--good:#1a7f37}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9ea7b3;--line:#6e7681;--soft:#161b22;--accent:#58a6ff;--bad:#ff7b72;--warn:#d29922;--good:#3fb950}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.2rem;margin:0}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem;border:2px solid var(--accent);z-index:2}
.lang{float:right}
a{color:var(--accent)}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:1.5rem;align-items:start}
fieldset{border:1px solid var(--line);border-radius:.375rem;margin:0 0 1rem;padding:.75rem 1rem 1rem}
legend{font-weight:700;font-size:1.1rem;padding:0 .25rem}
fieldset fieldset{border:0;padding:0;margin:0}
fieldset fieldset legend{font-size:1rem;padding:0}
.field{margin:.9rem 0 0}
label,.label{display:block;font-weight:600}
.req{font-weight:400;color:var(--muted);font-size:.875rem}
.hint{margin:.1rem 0 .3rem;color:var(--muted);font-size:.9rem}
.hint code,.err code,pre{font-family:ui-monospace,SFMono-Regular,Consolas,monospace;font-size:.875em}
.err{margin:.2rem 0 .3rem;color:var(--bad);font-weight:600}
.err:empty{display:none}
.err p{margin:0 0 .2rem}
.err .w{color:var(--warn)}
input[type=text],input[type=email],input[type=tel],input[type=date],select,textarea{display:block;width:100%;max-width:36rem;padding:.5rem;font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:.25rem}
textarea{min-height:5rem}
textarea.code{font-family:ui-monospace,SFMono-Regular,Consolas,monospace;font-size:.9rem}
[aria-invalid=true]{border-color:var(--bad);border-width:2px}
input:focus,select:focus,textarea:focus,button:focus,a:focus{outline:3px solid var(--accent);outline-offset:1px}
.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.35rem 0;font-weight:400}
.choice input{width:1.25rem;height:1.25rem;margin:.15rem 0 0;flex:none}
.words{margin:.3rem 0 0;font-size:.95rem}
aside{position:sticky;top:.5rem;border:1px solid var(--line);border-radius:.375rem;padding:.75rem 1rem;background:var(--soft);max-height:calc(100vh - 1rem);overflow:auto}
#ringkasan{font-weight:600;margin:.5rem 0}
#ringkasan.bad{color:var(--bad)}#ringkasan.ok{color:var(--good)}
#daftar-masalah{padding-left:1.1rem;margin:.25rem 0}
#daftar-masalah li{margin:.25rem 0}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--bg);border:1px solid var(--line);border-radius:.25rem;padding:.5rem;max-height:24rem;overflow:auto}
a.button{display:inline-block;text-decoration:none;font-weight:600;padding:.5rem .9rem;border-radius:.25rem;border:1px solid var(--accent);margin:.25rem 0}
#kirim-langkah{padding-left:1.1rem}
button{font:inherit;padding:.5rem .9rem;border-radius:.25rem;border:1px solid var(--line);background:var(--bg);color:var(--fg);cursor:pointer;margin:.25rem .5rem .25rem 0}
.note{color:var(--muted);font-size:.9rem}
[hidden]{display:none!important}
@media (max-width:37.5rem){
 main{padding:.75rem}
 .layout{display:block}
 aside{position:static;max-height:none;margin-top:1rem}
 fieldset{padding:.5rem .75rem .75rem}
 .lang{float:none;display:block;margin-bottom:.5rem}
}
`.trim();

/** The page's Content-Security-Policy: its own script and data file, its inline style, nothing else. */
export const FORM_CSP = `default-src 'none'; script-src 'self'; style-src ${sha256(STYLE)}; connect-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'`;

function labelOf(f: Field, lang: Lang): string {
  return lang === "en" ? (FIELD_WORDS_EN[f.id]?.label ?? f.label) : f.label;
}

function hintOf(f: Field, governance: Governance, lang: Lang): string {
  if (lang === "id") return describe(f, requestSchema(), governance, "baru");
  const h = FIELD_WORDS_EN[f.id]?.hint ?? "";
  const zone = governance.zones.length === 1 ? governance.zones[0]!.name : undefined;
  let text = h;
  if (f.id === "storage") {
    const d = governance.hosting.defaults;
    text += ` Default \`${d.storage}\`; at most \`${governance.hosting.limits.storage}\`.`;
  }
  if (f.id === "letter-scan" && governance.forms?.scanUpload) text += ` Upload it to ${governance.forms.scanUpload}.`;
  return zone ? text.replaceAll("<zone>", zone) : text;
}

/** One field: label, help, the error element, the control; all tied by id. */
function fieldHtml(f: Field, governance: Governance, lang: Lang): string {
  const w = PAGE_WORDS[lang];
  const id = f.id;
  const modes = f.forms.join(" ");
  const required = isRequired(f, governance);
  const mark = f.kind === "checkboxes" ? "" : ` <span class="req" data-req="${required ? "1" : "0"}">(${escapeHtml(required ? w.required : w.optional)})</span>`;
  const hint = hintOf(f, governance, lang);
  const describedBy = `${id}-petunjuk ${id}-galat`;
  const help = `<div class="hint" id="${id}-petunjuk">${inlineMarkdown(hint)}</div>\n<div class="err" id="${id}-galat"></div>`;
  const common = `id="${id}" name="${id}" aria-describedby="${describedBy}"${required && f.kind !== "checkboxes" ? ' aria-required="true"' : ""}`;
  if (id === "target-kind") {
    const kinds = TARGET_KIND_KEYS.map(
      (k) => `<label class="choice"><input type="radio" name="${id}" id="${id}-${k}" value="${k}"> <span>${escapeHtml(w.targetKinds[k])}</span></label>`,
    ).join("\n");
    return `<div class="field" data-field="${id}" data-modes="${modes}">
<fieldset id="${id}" aria-describedby="${describedBy}"><legend class="label">${escapeHtml(labelOf(f, lang))}${mark}</legend>
${help}
${kinds}
</fieldset>
</div>`;
  }
  if (f.kind === "checkboxes") {
    const text = lang === "en" ? DELETE_DATA_EN : "Hapus juga data hosting (namespace dan penyimpanan). Data yang dihapus tidak dapat dikembalikan.";
    return `<div class="field" data-field="${id}" data-modes="${modes}">
<span class="label" id="${id}-judul">${escapeHtml(labelOf(f, lang))}</span>
${help}
<label class="choice"><input type="checkbox" value="true" ${common}> <span>${escapeHtml(text)}</span></label>
</div>`;
  }
  let control: string;
  if (f.kind === "dropdown") {
    const options =
      id === "opd"
        ? [...governance.opds].sort((a, b) => a.code.localeCompare(b.code)).map((o) => `<option value="${escapeHtml(o.code)}">${escapeHtml(`${o.code} — ${o.name}`)}</option>`)
        : governance.zones.map((z) => `<option value="${escapeHtml(z.name)}">${escapeHtml(z.name)}</option>`);
    const empty = id === "opd" ? `<option value="">${escapeHtml(lang === "en" ? "— choose —" : "— pilih —")}</option>\n` : "";
    control = `<select ${common}>\n${empty}${options.join("\n")}\n</select>`;
  } else if (f.kind === "textarea") {
    control = `<textarea ${common}${id === "records" ? ' class="code" spellcheck="false" autocapitalize="off"' : ""} rows="${id === "records" ? 5 : 3}"></textarea>`;
  } else {
    // Dates stay text (TTTT-BB-HH, as the file and the issue form hold them): a date picker shows
    // the browser's own order (mm/dd/yyyy), and CI's date message then explains what to write.
    const type = /email$/.test(id) ? "email" : /phone$/.test(id) ? "tel" : "text";
    const extra =
      /nip$/.test(id) ? ' inputmode="numeric" autocomplete="off"' : /^(label|alias|ipv4|ipv6|storage)$|github$|scan$/.test(id) ? ' autocapitalize="off" spellcheck="false" autocomplete="off"' : id.endsWith("name") ? ' autocomplete="name"' : "";
    const placeholder = f.placeholder ? ` placeholder="${escapeHtml(f.placeholder)}"` : "";
    control = `<input type="${type}" ${common}${extra}${placeholder}>`;
  }
  const words = id === "storage" ? `\n<p class="words" id="storage-kata" aria-live="polite"></p>` : "";
  return `<div class="field" data-field="${id}" data-modes="${modes}"${id === "zone" && governance.zones.length < 2 ? " hidden data-single" : ""}>
<label for="${id}">${escapeHtml(labelOf(f, lang))}${mark}</label>
${help}
${control}${words}
</div>`;
}

export interface FormPageOptions {
  lang: Lang;
  governance: Governance;
  /** File names beside the page. */
  script: string;
  data: string;
  /** https://github.com/owner/repo: the issue forms the page sends to; without it, download only. */
  repository?: string;
}

export function formPageHtml(o: FormPageOptions): string {
  const { lang, governance } = o;
  const w = PAGE_WORDS[lang];
  const hosting = governance.hosting;
  const sections = SECTIONS.map((s) => {
    const fields = s.fields.map(field);
    const modes = [...new Set(fields.flatMap((f) => f.forms))].join(" ");
    return `<fieldset id="bagian-${s.id}" data-modes="${modes}">
<legend>${escapeHtml(w.sections[s.id as keyof typeof w.sections])}</legend>
${fields.map((f) => fieldHtml(f, governance, lang)).join("\n")}
</fieldset>`;
  }).join("\n");
  const modes = (["baru", "ubah", "hapus"] as const)
    .map((m, i) => `<label class="choice"><input type="radio" name="mode" id="mode-${m}" value="${m}"${i === 0 ? " checked" : ""}> <span>${escapeHtml(w.modes[m])}</span></label>`)
    .join("\n");
  const title = `${w.title} — ${governance.government.name}`;
  return `${documentHead({ lang, csp: FORM_CSP, title, style: STYLE, extra: `<script src="${escapeHtml(o.script)}" defer></script>` })}
<body data-lang="${lang}" data-data="${escapeHtml(o.data)}"${o.repository ? ` data-repository="${escapeHtml(o.repository)}"` : ""} data-hosting-defaults="${escapeHtml(hostingWords(hosting.defaults, lang))}" data-hosting-limit="${escapeHtml(hosting.limits.storage)}">
<a class="skip" href="#formulir">${escapeHtml(w.skip)}</a>
<main>
<a class="lang" href="${w.otherHref}" hreflang="${lang === "id" ? "en" : "id"}" lang="${lang === "id" ? "en" : "id"}">${escapeHtml(w.other)}</a>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(w.intro)}</p>
<noscript><p class="err">${escapeHtml(w.noscript)}</p></noscript>
<div class="layout">
<form id="formulir" novalidate autocomplete="off">
<fieldset id="bagian-jenis">
<legend>${escapeHtml(w.modeLegend)}</legend>
${modes}
<div class="field" data-field="existing" data-modes="ubah hapus" hidden>
<label for="existing">${escapeHtml(w.existing)}</label>
<div class="hint" id="existing-petunjuk">${escapeHtml(w.existingHint)}</div>
<div class="err" id="existing-galat"></div>
<select id="existing" name="existing" aria-describedby="existing-petunjuk existing-galat"><option value="">${escapeHtml(w.existingNone)}</option></select>
</div>
</fieldset>
${sections}
</form>
<aside aria-labelledby="hasil-judul">
<h2 id="hasil-judul">${escapeHtml(w.check)}</h2>
<div id="ringkasan" role="status" aria-live="polite" aria-atomic="true">${escapeHtml(w.incomplete)}</div>
<ul id="daftar-masalah"></ul>
<details id="berkas-rincian">
<summary>${escapeHtml(w.fileTitle)}</summary>
<pre id="berkas" tabindex="0"></pre>
</details>
<section id="kirim" aria-labelledby="kirim-judul">
<h2 id="kirim-judul">${escapeHtml(w.send)}</h2>
<p class="note" id="kirim-petunjuk">${escapeHtml(o.repository ? w.sendHint : w.sendHintNoRepo)}</p>
<p><a id="kirim-github" class="button" hidden target="_blank" rel="noopener noreferrer">${escapeHtml(w.sendGithub)}</a></p>
<ol id="kirim-langkah"></ol>
<p><button type="button" id="unduh" hidden>${escapeHtml(w.download)}</button></p>
</section>
<p class="note" id="simpan-catatan">${escapeHtml(w.stored)}</p>
<button type="button" id="kosongkan">${escapeHtml(w.clear)}</button>
</aside>
</div>
</main>
</body>
</html>
`;
}

/** Every field id the page has an input for (the issue form's ids). */
export const PAGE_FIELD_IDS = SECTIONS.flatMap((s) => s.fields).filter((id) => FIELDS.some((f) => f.id === id));
