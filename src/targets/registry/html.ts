// The public registry page (daftar subdomain) as one static HTML file: no external assets,
// readable without JavaScript, a small inline script adds the search box. Built from the same
// rows as the Markdown and CSV (registryRows), which carry no contact data at all: the public page
// shows no phone number, no NIP and no personal e-mail.
import { createHash } from "node:crypto";
import type { Lang } from "../../diagnostics/diagnostic.ts";
import { hostingWords } from "./quantity-words.ts";
import { REGISTRY_WORDS } from "./render.ts";
import type { RegistryRow } from "./rows.ts";

export interface RegistryPageOptions {
  lang?: Lang;
  /** Shown in the heading, e.g. "Pemerintah Kabupaten Contoh". */
  government: string;
  /** The date the page was built (YYYY-MM-DD), passed in so the output is deterministic. */
  generated: string;
  /** Base URL of the repository's files, e.g. https://github.com/org/repo/blob/main/ (optional). */
  sourceUrl?: string;
}

const WORDS = {
  id: {
    search: "Cari (nama, OPD, kegunaan, status)",
    shown: "subdomain ditampilkan",
    generated: "Diperbarui",
    note: "Data kontak (telepon, NIP, e-mail) tidak ditampilkan di halaman publik.",
    empty: "Belum ada subdomain.",
    skip: "Langsung ke daftar",
  },
  en: {
    search: "Search (name, agency, purpose, status)",
    shown: "subdomains shown",
    generated: "Updated",
    note: "Contact data (phone, NIP, e-mail) is not shown on the public page.",
    empty: "No subdomains yet.",
    skip: "Skip to the list",
  },
} as const;

/** Status in plain words for the public. */
const STATUS_WORDS = {
  id: { active: "Aktif", awaiting: "Menunggu konfirmasi OPD (tinjau ulang)", suspended: "Dihentikan sementara (keamanan)", decommissioned: "Tidak dipakai lagi (data hosting disimpan)", "data-deleted": "Tidak dipakai lagi (data dihapus)" },
  en: { active: "Active", awaiting: "Awaiting the agency's confirmation (review)", suspended: "Suspended (security)", decommissioned: "No longer in use (hosting data kept)", "data-deleted": "No longer in use (data deleted)" },
} as const;

// One formatter per language, and each date worded once: building an Intl formatter per cell was
// most of the time of a 10,000-row page (three dates a row).
const DATE_FORMAT = {
  id: new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
};
const longDates = { id: new Map<string, string>(), en: new Map<string, string>() };

/** 2026-03-02 -> "2 Maret 2026" / "2 March 2026". */
function longDate(iso: string, lang: Lang): string {
  const known = longDates[lang].get(iso);
  if (known !== undefined) return known;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const text = m ? DATE_FORMAT[lang].format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
  if (longDates[lang].size < 100_000) longDates[lang].set(iso, text);
  return text;
}

/** A host name that may wrap only after its dots, never inside a word. */
const breakAtDots = (html: string) => html.replace(/\./g, ".<wbr>");

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--muted:#57606a;--line:#d0d7de;--head:#f3f4f6;--accent:#0b5cad}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9ea7b3;--line:#30363d;--head:#161b22;--accent:#58a6ff}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:110rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem;border:2px solid var(--accent)}
.meta{color:var(--muted);margin:.25rem 0 1rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
input[type=search]{width:100%;max-width:32rem;padding:.5rem;font:inherit;border:1px solid var(--line);border-radius:.25rem;background:var(--bg);color:var(--fg)}
input[type=search]:focus{outline:3px solid var(--accent);outline-offset:1px}
table{border-collapse:collapse;width:100%;margin-top:1rem}
caption{text-align:left;font-weight:600;padding:.5rem 0}
th,td{border:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--head);position:sticky;top:0}
td.name,th.name{font-weight:600;min-width:10rem;overflow-wrap:break-word}
td.date{min-width:6.5rem}
td.purpose{min-width:12rem}
td.target{min-width:8rem}
td.file{font-size:.8rem;min-width:8rem;overflow-wrap:break-word}
.ascii{display:block;font-weight:400;color:var(--muted);font-size:.875rem}
.status-active{color:#1a7f37}.status-awaiting{color:#9a6700}.status-suspended{color:#b60205}.status-decommissioned,.status-data-deleted{color:#9a6700}
@media (max-width:48rem){
 thead{position:absolute;left:-999px}
 table,caption,tbody,tr,th,td{display:block;width:100%}
 th.name{min-width:0;border:0;border-bottom:1px solid var(--line)}
 tr{border:1px solid var(--line);border-radius:.25rem;margin-bottom:.75rem}
 td{border:0;border-bottom:1px solid var(--line)}
 td::before{content:attr(data-label);display:block;font-size:.8rem;color:var(--muted);font-weight:600}
}
`.trim();

// Progressive enhancement: without JavaScript the whole table is shown and the box stays hidden.
const SCRIPT = `
(function(){var box=document.getElementById("cari"),rows=[].slice.call(document.querySelectorAll("tbody tr")),count=document.getElementById("jumlah");
document.getElementById("pencarian").hidden=false;
function run(){var q=box.value.trim().toLowerCase(),n=0;rows.forEach(function(r){var show=!q||r.textContent.toLowerCase().indexOf(q)>=0;r.hidden=!show;if(show)n++;});count.textContent=String(n);}
box.addEventListener("input",run);})();
`.trim();

/** A CSP source allowing exactly this inline text. */
export const sha256 = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;

/** The head every public page shares (the registry, the web form): charset, viewport, CSP, no referrer, title, inline style. */
export function documentHead(o: { lang: string; csp: string; title: string; style: string; extra?: string }): string {
  return `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${o.csp}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(o.title)}</title>
<style>${o.style}</style>
${o.extra ? `${o.extra}
` : ""}</head>`;
}

export function registryHtml(rows: readonly RegistryRow[], options: RegistryPageOptions): string {
  const lang = options.lang ?? "id";
  const w = REGISTRY_WORDS[lang];
  const t = WORDS[lang];
  // Columns: the same as the Markdown registry.
  const title = `${w.title} ${options.government}`;
  const label = w.columns.map((c) => `data-label="${escapeHtml(c)}"`);
  const body = rows
    .map((r) => {
      const name =
        r.displayName === r.name ? breakAtDots(escapeHtml(r.name)) : `${breakAtDots(escapeHtml(r.displayName))}<span class="ascii" lang="en">${breakAtDots(escapeHtml(r.name))}</span>`;
      // The path may wrap after a slash, never inside a folder or file name.
      const fileText = escapeHtml(r.file).replace(/\//g, "/<wbr>");
      const file = options.sourceUrl ? `<a href="${escapeHtml(options.sourceUrl + r.file)}">${fileText}</a>` : fileText;
      // Cells in column order (w.columns): [html, class].
      const cells: Array<[string, string?]> = [
        [name, "name"],
        [`${escapeHtml(r.opdName)} (${escapeHtml(r.opd)})`],
        [escapeHtml(r.purpose), "purpose"],
        [escapeHtml(w.kind[r.targetKind])],
        [r.hosting ? escapeHtml(hostingWords(r.hosting, lang)) : breakAtDots(escapeHtml(r.target)), "target"],
        [escapeHtml(STATUS_WORDS[lang][r.status]), `status-${r.status}`],
        [escapeHtml(r.created ? longDate(r.created, lang) : w.uncommitted), "date"],
        [escapeHtml(r.lastChanged ? longDate(r.lastChanged, lang) : w.uncommitted), "date"],
        [escapeHtml(longDate(r.reviewBy, lang)), "date"],
        [file, "file"],
      ];
      return `<tr>${cells.map(([html, cls], i) => (i === 0 ? `<th scope="row" ${label[0]} class="${cls}">${html}</th>` : `<td ${label[i]}${cls ? ` class="${cls}"` : ""}>${html}</td>`)).join("")}</tr>`;
    })
    .join("\n");
  const csp = `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(SCRIPT)}; base-uri 'none'; form-action 'none'`;
  return `${documentHead({ lang: lang === "id" ? "id" : "en", csp, title, style: STYLE })}
<body>
<a class="skip" href="#daftar">${escapeHtml(t.skip)}</a>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(t.generated)}: ${escapeHtml(longDate(options.generated, lang))}. <span id="jumlah">${rows.length}</span> ${escapeHtml(t.shown)}. ${escapeHtml(t.note)}</p>
<div id="pencarian" role="search" hidden>
<label for="cari">${escapeHtml(t.search)}</label>
<input id="cari" type="search" autocomplete="off">
</div>
${
  rows.length
    ? `<table id="daftar">
<caption>${escapeHtml(w.title)}</caption>
<thead><tr>${w.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("")}</tr></thead>
<tbody>
${body}
</tbody>
</table>`
    : `<p id="daftar">${escapeHtml(t.empty)}</p>`
}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
