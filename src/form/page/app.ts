// The web form's script (bundled into formulir/formulir.js by bundle.ts). On every change it
// builds the request file from the form, runs CI's own validation on it (check.ts) and writes
// each finding next to its field. Registry text reaches the page only through textContent and
// option labels, never as HTML. What is typed stays in this browser's localStorage.
// Without a document (Node's vm, in the same-diagnostics test) it only exposes `formulir`.
import type { Diagnostic, Lang } from "../../diagnostics/diagnostic.ts";
import { unicodeLabel } from "../../model/names.ts";
import { localTime } from "../../worktime/zoned.ts";
import { hostingWords } from "../../targets/registry/quantity-words.ts";
import { stringify } from "yaml";
import type { Governance } from "../../model/governance.ts";
import { issueLink } from "../send/issue-url.ts";
import { downloadName } from "../send/yaml-file.ts";
import { checkFile, earlyNameFindings } from "./check.ts";
import { evaluate } from "./evaluate.ts";
import type { FormData, PublicFile } from "./data.ts";
import { buildRequest, field, IDENTITY_FIELDS, placeDiagnostics, requestText, type FormState, type Mode, type Placed, type Values } from "./model.ts";
import { FIELD_WORDS_EN, PAGE_WORDS } from "./words.ts";

export const formulir = { checkFile, earlyNameFindings, buildRequest, requestText, placeDiagnostics, evaluate };
(globalThis as Record<string, unknown>).formulir = formulir;

const STORAGE_KEY = "formulir-subdomain:v1";

/** The government's today, as CI computes it (workingHours.timeZone). */
const todayOf = (data: FormData) => localTime(new Date(), data.governance.workingHours.timeZone).date;

function start(): void {
  const body = document.body;
  const lang = (body.dataset.lang === "en" ? "en" : "id") as Lang;
  const w = PAGE_WORDS[lang];
  const form = document.getElementById("formulir") as HTMLFormElement;
  const status = document.getElementById("ringkasan")!;
  const list = document.getElementById("daftar-masalah")!;
  const pre = document.getElementById("berkas")!;
  const existingSelect = document.getElementById("existing") as HTMLSelectElement;
  const storageWords = document.getElementById("storage-kata");
  const githubLink = document.getElementById("kirim-github") as HTMLAnchorElement;
  const steps = document.getElementById("kirim-langkah")!;
  const downloadButton = document.getElementById("unduh") as HTMLButtonElement;
  const repository = body.dataset.repository;
  /** The file the page would offer now, once it has no error. */
  let offered: { name: string; text: string } | undefined;
  let data: FormData | undefined;
  let announce: ReturnType<typeof setTimeout> | undefined;

  const controls = () => [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("input[name], select[name], textarea[name]")];
  const mode = (): Mode => ((form.querySelector<HTMLInputElement>("input[name=mode]:checked")?.value ?? "baru") as Mode);
  const labelText = (id: string) => (lang === "en" ? (FIELD_WORDS_EN[id]?.label ?? field(id).label) : field(id).label);

  function readState(): FormState {
    const values: Values = {};
    for (const c of controls()) {
      if (c.name === "mode" || c.name === "existing") continue;
      // A single zone is not asked (the issue form has no zone field then): its value is not the liaison's.
      if (c.closest("[data-single]")) continue;
      if (c instanceof HTMLInputElement && (c.type === "radio" || c.type === "checkbox")) {
        if (c.checked) values[c.name] = c.value;
      } else values[c.name] = c.value;
    }
    return { mode: mode(), ...(existingSelect.value ? { existing: existingSelect.value } : {}), values };
  }

  function writeState(s: FormState): void {
    const radio = form.querySelector<HTMLInputElement>(`input[name=mode][value="${s.mode}"]`);
    if (radio) radio.checked = true;
    existingSelect.value = s.existing ?? "";
    for (const c of controls()) {
      if (c.name === "mode" || c.name === "existing") continue;
      const v = s.values[c.name];
      if (c instanceof HTMLInputElement && (c.type === "radio" || c.type === "checkbox")) c.checked = v === c.value;
      else c.value = v ?? "";
    }
  }

  const existingFile = (file: string | undefined): PublicFile | undefined => (file ? data?.requests.find((r) => r.file === file) : undefined);

  /**
   * The chosen name's public values, into the form; every other field emptied, since what was
   * typed for another request is not this one's (a change starts from the registered file).
   */
  function fill(file: PublicFile): void {
    const r = file.request;
    const t = r.target ?? {};
    const kind = Object.keys(t)[0];
    const set: Values = {
      opd: r.opd,
      zone: r.zone ?? "",
      label: r.label,
      purpose: r.purpose,
      "review-by": r.reviewBy,
      "target-kind": kind === "server" || kind === "alias" || kind === "hosting" ? kind : "",
      ipv4: (t.server?.ipv4 ?? []).join(", "),
      ipv6: (t.server?.ipv6 ?? []).join(", "),
      alias: t.alias ?? "",
      storage: t.hosting?.storage ?? "",
      records: r.records ? stringify(r.records, { lineWidth: 0 }).trimEnd() : "",
    };
    writeState({ ...readState(), values: set });
  }

  function showMode(): void {
    const m = mode();
    for (const el of document.querySelectorAll<HTMLElement>("[data-field]")) {
      const id = el.dataset.field!;
      const inMode = (el.dataset.modes ?? "").split(" ").includes(m);
      el.hidden = !inMode || el.hasAttribute("data-single") || (m !== "baru" && IDENTITY_FIELDS.has(id));
      // In a change, an empty field keeps the file's value: say so instead of "required".
      const mark = el.querySelector<HTMLElement>(".req");
      if (mark) mark.textContent = `(${m === "ubah" ? w.unchanged : mark.dataset.req === "1" ? w.required : w.optional})`;
    }
    for (const fs of form.querySelectorAll<HTMLFieldSetElement>("fieldset[id^=bagian-]")) {
      if (fs.id === "bagian-jenis") continue;
      fs.hidden = ![...fs.querySelectorAll<HTMLElement>("[data-field]")].some((f) => !f.hidden);
    }
  }

  /** A message with its `code` spans, as DOM nodes: text stays text. */
  function messageNodes(text: string): Node[] {
    return text.split("`").map((part, i) => {
      if (i % 2 === 0) return document.createTextNode(part);
      const code = document.createElement("code");
      code.textContent = part;
      return code;
    });
  }

  function render(placed: Placed[], problems: { field: string; message: { id: string; en: string } }[], complete: boolean, partial: boolean): void {
    const byField = new Map<string, { text: string; severity: Diagnostic["severity"] }[]>();
    const general: { text: string; severity: Diagnostic["severity"] }[] = [];
    for (const p of problems) (byField.get(p.field) ?? byField.set(p.field, []).get(p.field)!).push({ text: p.message[lang], severity: "error" });
    for (const p of placed) {
      const item = { text: `${p.diagnostic.message[lang]} [${p.diagnostic.rule}]`, severity: p.diagnostic.severity };
      const el = p.field ? document.getElementById(`${p.field}-galat`) : null;
      if (p.field && el && !el.closest("[hidden]")) (byField.get(p.field) ?? byField.set(p.field, []).get(p.field)!).push(item);
      else general.push(item);
    }
    for (const el of document.querySelectorAll<HTMLElement>(".err[id$=-galat]")) {
      const id = el.id.slice(0, -"-galat".length);
      const items = byField.get(id) ?? [];
      el.replaceChildren(
        ...items.map((it) => {
          const p = document.createElement("p");
          if (it.severity === "warning") p.className = "w";
          p.append(`${it.severity === "warning" ? w.warning : w.error}: `, ...messageNodes(it.text));
          return p;
        }),
      );
      const control = document.getElementById(id);
      if (control) {
        if (items.some((x) => x.severity === "error")) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
    }
    // The list beside the form: every finding, each linking to its field.
    const entries: Node[] = [];
    for (const [id, items] of byField)
      for (const it of items) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = `#${id}`;
        a.textContent = id === "existing" ? w.existing : labelText(id);
        li.append(a, ": ", ...messageNodes(it.text));
        entries.push(li);
      }
    for (const it of general) {
      const li = document.createElement("li");
      li.append(`${w.general}: `, ...messageNodes(it.text));
      entries.push(li);
    }
    list.replaceChildren(...entries);
    const errors = problems.length + placed.filter((p) => p.diagnostic.severity === "error").length;
    const warnings = placed.filter((p) => p.diagnostic.severity === "warning").length;
    // "No problem" is said only when CI's own rules found none on the whole file.
    const text = !complete ? (mode() === "baru" ? w.incomplete : w.incompleteExisting) : errors ? w.problems(errors) + (warnings ? ` ${w.warnings(warnings)}` : "") : warnings ? w.warnings(warnings) : partial ? w.noProblemsPartial : w.noProblems;
    status.className = !complete ? "" : errors ? "bad" : "ok";
    clearTimeout(announce);
    // The live region changes after a pause in typing, so a screen reader is not interrupted per key.
    announce = setTimeout(() => {
      if (status.textContent !== text) status.textContent = text;
    }, 600);
  }

  /** Form values as the sending modules read them: a change or removal names the chosen file. */
  function sendValues(state: FormState, base: PublicFile["request"] | undefined): Values {
    if (state.mode === "baru" || !base) return state.values;
    return { ...state.values, opd: base.opd, label: base.label, ...(base.zone ? { zone: base.zone } : {}) };
  }

  function showSend(state: FormState, base: PublicFile["request"] | undefined, text: string | undefined, file: string | undefined, errors: number): void {
    const ready = !!text && !!file && errors === 0;
    offered = ready ? { name: downloadName({ path: file }) ?? "permohonan.yaml", text: text! } : undefined;
    downloadButton.hidden = !ready;
    githubLink.hidden = true;
    githubLink.removeAttribute("href");
    const items: Node[] = [];
    const item = (t: string) => {
      const li = document.createElement("li");
      li.append(...messageNodes(t));
      items.push(li);
    };
    if (!ready) {
      if (text && file) item(w.sendBlocked);
    } else if (repository && data) {
      const link = issueLink(state.mode, sendValues(state, base), data.governance as unknown as Governance, repository);
      if (link.ok) {
        githubLink.href = link.url;
        githubLink.hidden = false;
        for (const st of link.steps) item(st.message[lang]);
      } else {
        item(w.sendProblems);
        for (const p of link.problems) item(p.message[lang]);
      }
    }
    steps.replaceChildren(...items);
  }

  function pass(): void {
    if (!data) return;
    const state = readState();
    const base = existingFile(state.existing)?.request;
    if (storageWords) {
      const d = data.governance.hosting.defaults;
      const storage = state.values.storage?.trim() || d.storage;
      storageWords.textContent = `${w.hostingNow}: ${hostingWords({ ...d, storage }, lang)}${state.values.storage?.trim() ? "" : ` (${w.hostingDefault})`}; ${w.hostingLimit} ${body.dataset.hostingLimit ?? ""}.`;
    }
    const e = evaluate(state, data, todayOf(data));
    pre.textContent = e.text ?? "";
    render(e.placed, e.problems, e.complete, e.partial);
    showSend(state, base, e.complete ? e.text : undefined, e.file, e.errors);
  }

  function save(): void {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(readState()));
    } catch {
      /* storage full or refused: the form still works */
    }
  }

  form.addEventListener("input", (e) => {
    const t = e.target as HTMLElement;
    if (t === existingSelect && mode() === "ubah") {
      const f = existingFile(existingSelect.value);
      if (f) fill(f);
    }
    if ((t as HTMLInputElement).name === "mode") showMode();
    save();
    pass();
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  downloadButton.addEventListener("click", () => {
    if (!offered) return;
    const url = URL.createObjectURL(new Blob([offered.text], { type: "application/yaml" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = offered.name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  document.getElementById("kosongkan")!.addEventListener("click", () => {
    if (!window.confirm(w.clearConfirm)) return;
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      /* nothing stored */
    }
    writeState({ mode: "baru", values: {} });
    showMode();
    pass();
    status.textContent = w.cleared;
  });

  // The chosen name is restored once the registry's names are in the list (after data.json).
  let restoredExisting: string | undefined;
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved) {
      const s = JSON.parse(saved) as FormState;
      if (s && typeof s === "object" && typeof s.existing === "string") restoredExisting = s.existing;
      if (s && typeof s === "object" && s.values && typeof s.values === "object") writeState({ mode: ["baru", "ubah", "hapus"].includes(s.mode) ? s.mode : "baru", values: s.values, ...(typeof s.existing === "string" ? { existing: s.existing } : {}) });
    }
  } catch {
    /* unreadable storage: start empty */
  }
  showMode();

  fetch(body.dataset.data ?? "data.json")
    .then((r) => (r.ok ? (r.json() as Promise<FormData>) : Promise.reject(new Error(String(r.status)))))
    .then((d) => {
      data = d;
      const opdName = new Map(d.governance.opds.map((o) => [o.code, o.name]));
      const zone0 = d.governance.zones[0]!.name;
      const wanted = restoredExisting;
      for (const r of d.requests) {
        const name = `${r.request.label.startsWith("xn--") ? unicodeLabel(r.request.label) : r.request.label}.${r.request.zone ?? zone0}`;
        existingSelect.add(new Option(`${name} — ${opdName.get(r.request.opd) ?? r.request.opd}`, r.file));
      }
      if (wanted) {
        existingSelect.value = wanted;
        const f = existingFile(existingSelect.value);
        // A change restored without its registered values (an older save): fill them in again.
        if (f && mode() === "ubah" && !(document.getElementById("label") as HTMLInputElement).value) fill(f);
      }
      pass();
    })
    .catch(() => {
      status.textContent = w.dataError;
      status.className = "bad";
    });
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
