// The web form in a real browser (Debian's Chromium, headless): a liaison fills it with the
// keyboard; mistakes appear at their fields (in the element aria-describedby names) and go when
// fixed; a taken name is caught with its OPD; the link to GitHub's issue form, made from what the
// page holds, goes through GitHub's form and the real intake to the file the page shows; Tab
// reaches every control in order; a reload keeps what was typed; nothing is fetched outside the
// page's folder, no console error, no CSP violation; screenshots at 1280 and 390 pixels.
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueLink } from "../../src/form/send/issue-url.ts";
import { CONFIRM_OPTION } from "../../src/forms/fields.ts";
import { renderForms } from "../../src/forms/generate.ts";
import { runIntake } from "../../src/github/intake.ts";
import { baseFiles, governance, withoutIssueLine } from "../form/send-fixture.ts";
import { submitIssueForm } from "../form/send-github-form.ts";
import { CONTOH } from "../fixtures/contoh.ts";
import { world } from "../github/setup.ts";
import { browserMissing, openSite, SOURCE_URL, watchedPage, type Site, type Watched } from "./harness.ts";

const missing = browserMissing();
if (missing) console.warn(`test/browser skipped: ${missing}`);

/** Where a copy of the screenshots goes for people to look at. */
const SCREENS_COPY = process.env.FORM_SCREENS ?? "/tmp/form-screens";
const REPO = SOURCE_URL.replace(/\/blob\/main\/$/, "");

/** The government's today (Asia/Jakarta), as the page and CI compute it; dates typed are relative to it. */
const today = new Date(Date.now() + 7 * 3600_000);
const day = (offsetDays: number) => new Date(today.getTime() + offsetDays * 86400_000).toISOString().slice(0, 10);

/** What a dinkes liaison types for a new name, in the page's order: field id -> keys. */
const LIAISON: [string, string][] = [
  ["letter-number", "000.1/456/DINKES/2026"],
  ["letter-date", day(-7)],
  ["letter-scan", "https://arsip.contohkab.go.id/surat/dinkes-2026-456.pdf"],
  ["label", "antrian-puskesmas"],
  ["purpose", "Sistem antrean daring puskesmas & posyandu #1 se-Kabupaten Contoh"],
  ["administrative-name", "Siti Rahmawati, S.Kom."],
  ["administrative-nip", "198703152010012004"],
  ["administrative-email", "siti.rahmawati@dinkes.contohkab.go.id"],
  ["administrative-phone", "+62 812-3456-7890"],
  ["administrative-github", "siti-dinkes"],
  ["technical-name", "Budi Santoso"],
  ["technical-email", "budi.santoso@dinkes.contohkab.go.id"],
  ["technical-phone", "0355 321456"],
  ["ipv4", "103.147.8.20, 103.147.8.21"],
  ["review-by", day(180)],
];

const settle = (ms = 700) => new Promise((r) => setTimeout(r, ms));

async function ready(page: Page): Promise<void> {
  // data.json loaded: the registry's names are in the change/removal list.
  await page.waitForFunction(() => (document.getElementById("existing") as HTMLSelectElement).options.length > 1, { timeout: 30_000 });
}

/** The text of the elements a control's aria-describedby names. */
const describedText = (page: Page, id: string) =>
  page.$eval(`#${id}`, (el) =>
    (el.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .map((ref) => document.getElementById(ref)?.textContent ?? "")
      .join("\n"),
  );
const errorText = (page: Page, id: string) => page.$eval(`#${id}-galat`, (el) => el.textContent ?? "");
/** Field ids whose error element holds text. */
const fieldsWithErrors = (page: Page) => page.$$eval(".err[id$=-galat]", (els) => els.filter((e) => (e.textContent ?? "").trim() !== "").map((e) => e.id.replace(/-galat$/, "")));

async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await page.focus(`#${id}`);
  // Select what is there, as a person replacing a value would, then type.
  await page.keyboard.down("Control");
  await page.keyboard.press("KeyA");
  await page.keyboard.up("Control");
  if (text === "") await page.keyboard.press("Backspace");
  else await page.keyboard.type(text);
}

/** The form's values by input name (the issue form's field ids), as the page holds them. */
const pageValues = (page: Page) =>
  page.$$eval("#formulir [name]", (els) => {
    const out: Record<string, string> = {};
    for (const el of els as (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[]) {
      if (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox")) {
        if (el.checked) out[el.name] = el.value;
      } else if (!el.closest("[hidden]")) out[el.name] = el.value;
    }
    return out;
  });

describe.skipIf(!!missing)(`the web form in headless Chromium${missing ? ` (skipped: ${missing})` : ""}`, () => {
  let site: Site;
  const pages: Watched[] = [];
  let screens: string;

  beforeAll(async () => {
    site = await openSite();
    screens = join(site.outDir, "screens");
    mkdirSync(screens, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    if (screens) {
      mkdirSync(SCREENS_COPY, { recursive: true });
      cpSync(screens, SCREENS_COPY, { recursive: true });
    }
    await site?.close();
  });

  async function open(width: number, height = 900): Promise<Watched> {
    const w = await watchedPage(site.browser, width, height);
    pages.push(w);
    await w.page.goto(site.formUrl, { waitUntil: "networkidle0" });
    // Each test starts from an empty form: what an earlier test typed stays in the profile's storage.
    await w.page.evaluate(() => localStorage.clear());
    await w.page.reload({ waitUntil: "networkidle0" });
    await ready(w.page);
    return w;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: join(screens, `${name}.png`), fullPage: true });

  /** Fills the whole new request with the keyboard, as LIAISON says. */
  async function fillAsLiaison(page: Page): Promise<void> {
    await page.focus("#opd");
    await page.keyboard.type("dinkes");
    for (const [id, text] of LIAISON.slice(0, 13)) await typeInto(page, id, text);
    await page.focus("#target-kind-server");
    await page.keyboard.press("Space");
    for (const [id, text] of LIAISON.slice(13)) await typeInto(page, id, text);
    await settle();
  }

  it("a liaison fills a new request with the keyboard; the page finds nothing to fix and shows the file", async () => {
    const { page } = await open(1280);
    await shot(page, "desktop-1-empty");
    await fillAsLiaison(page);
    expect(await page.$eval("#opd", (e) => (e as HTMLSelectElement).value)).toBe("dinkes");
    expect(await fieldsWithErrors(page)).toEqual([]);
    expect(await page.$eval("#ringkasan", (e) => e.textContent)).toBe("Pemeriksaan tidak menemukan masalah pada isian ini.");
    const file = await page.$eval("#berkas", (e) => e.textContent ?? "");
    expect(file).toContain("label: antrian-puskesmas");
    expect(file).toContain("ipv4:");
    await page.click("#berkas-rincian summary");
    await shot(page, "desktop-3-filled-valid");
  }, 120_000);

  it("mistakes appear at their own fields, in the element aria-describedby names, and go when fixed", async () => {
    const { page } = await open(1280);
    await fillAsLiaison(page);
    await typeInto(page, "administrative-nip", "19870315 201001 2 004");
    await typeInto(page, "letter-date", "2 Maret 2026");
    await typeInto(page, "review-by", "01-03-2027");
    await settle();
    expect((await fieldsWithErrors(page)).sort()).toEqual(["administrative-nip", "letter-date", "review-by"]);
    expect(await errorText(page, "administrative-nip")).toMatch(/NIP/);
    expect(await errorText(page, "letter-date")).toMatch(/TTTT-BB-HH|tanggal/i);
    for (const id of ["administrative-nip", "letter-date", "review-by"]) {
      expect(await describedText(page, id)).toContain(await errorText(page, id));
      expect(await page.$eval(`#${id}`, (e) => e.getAttribute("aria-invalid"))).toBe("true");
    }
    // The list beside the form links each finding to its field.
    expect(await page.$$eval("#daftar-masalah a", (as) => as.map((a) => a.getAttribute("href")).sort())).toEqual(["#administrative-nip", "#letter-date", "#review-by"]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "desktop-2-mistakes");
    await settle();
    expect(await page.$eval("#ringkasan", (e) => e.textContent)).toMatch(/3 masalah/);

    await typeInto(page, "administrative-nip", "198703152010012004");
    await typeInto(page, "letter-date", day(-7));
    await typeInto(page, "review-by", day(180));
    // With the file whole again, the rules beyond the schema speak: an e-mail without its domain.
    await typeInto(page, "technical-email", "budi@");
    await settle();
    expect(await fieldsWithErrors(page)).toEqual(["technical-email"]);
    expect(await describedText(page, "technical-email")).toMatch(/E-mail kontak teknis `?budi@`? tidak sah/);
    await typeInto(page, "technical-email", "budi.santoso@dinkes.contohkab.go.id");
    await settle();
    expect(await fieldsWithErrors(page)).toEqual([]);
    expect(await page.$eval("#administrative-nip", (e) => e.getAttribute("aria-invalid"))).toBeNull();
    expect(await page.$$eval("#daftar-masalah li", (li) => li.length)).toBe(0);
  }, 120_000);

  it("a name that is taken is caught at the name field, naming the OPD that holds it", async () => {
    const { page } = await open(1280);
    await fillAsLiaison(page);
    // disdik asks for "sehat", which Dinas Kesehatan holds (CI's cross-file rules run on a whole file).
    await page.focus("#opd");
    await page.keyboard.type("disdik");
    await typeInto(page, "label", "sehat");
    await settle();
    expect(await page.$eval("#opd", (e) => (e as HTMLSelectElement).value)).toBe("disdik");
    expect(await fieldsWithErrors(page)).toEqual(["label"]);
    const text = await errorText(page, "label");
    expect(text).toMatch(/sudah dipakai Dinas Kesehatan/);
    expect(await describedText(page, "label")).toContain(text);
    await typeInto(page, "label", "sehat-sekolah");
    await settle();
    expect(await fieldsWithErrors(page)).toEqual([]);
  }, 120_000);

  it("the page's GitHub link and its steps go through GitHub's form and the intake to the file the page shows, which it also downloads", async () => {
    const { page } = await open(1280);
    await fillAsLiaison(page);
    // Nothing to send while a mistake stands.
    await typeInto(page, "administrative-nip", "12345");
    await settle();
    expect(await page.$eval("#kirim-github", (a) => (a as HTMLAnchorElement).hidden)).toBe(true);
    expect(await page.$eval("#unduh", (b) => (b as HTMLButtonElement).hidden)).toBe(true);
    await typeInto(page, "administrative-nip", "198703152010012004");
    await settle();

    const href = await page.$eval("#kirim-github", (a) => ((a as HTMLAnchorElement).hidden ? "" : (a.getAttribute("href") ?? "")));
    const stepTexts = await page.$$eval("#kirim-langkah li", (li) => li.map((l) => l.textContent ?? ""));
    const shown = await page.$eval("#berkas", (e) => e.textContent ?? "");
    // The page's link is the sending module's for the values the page holds; its steps are listed.
    const values = await pageValues(page);
    const link = issueLink("baru", values, governance, REPO);
    if (!link.ok) throw new Error(JSON.stringify(link.problems));
    expect(href).toBe(link.url);
    expect(stepTexts).toEqual(link.steps.map((st) => st.message.id));
    expect(link.steps.map((st) => [st.id, st.value])).toEqual([
      ["opd", "dinkes — Dinas Kesehatan"],
      ["target-kind", "Server milik OPD (alamat IP)"],
    ]);

    // GitHub's form from that href, the liaison's steps, then the real intake.
    const submitted = submitIssueForm(href, REPO, renderForms(governance), link.steps);
    const w = await world();
    let written: string;
    try {
      const issue = w.fake.openIssue("siti-dinkes", submitted.title, submitted.body, submitted.labels);
      const out = await runIntake(w.bot, w.ref, { issue, baseBranch: "main", today: day(0), baseFiles: baseFiles() });
      expect(out).toMatchObject({ kind: "pull-request", path: "requests/dinkes/antrian-puskesmas.yaml" });
      written = w.fake.fileAt(`permohonan/isu-${issue}`, "requests/dinkes/antrian-puskesmas.yaml")!;
    } finally {
      await w.fake.stop();
    }
    // The page shows the intake's file (without the line naming the issue, which it cannot know).
    expect(shown).toBe(withoutIssueLine(written));

    // The download is that same file, under the name the intake gives it.
    const downloads = join(site.outDir, "downloads");
    mkdirSync(downloads, { recursive: true });
    const cdp = await page.createCDPSession();
    // Chromium creates the file before it has written it: wait for its own word that the download is complete.
    await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads, eventsEnabled: true });
    const completed = new Promise<string>((resolve) => {
      cdp.on("Browser.downloadProgress", (e) => {
        if (e.state === "completed" || e.state === "canceled") resolve(e.state);
      });
    });
    await page.focus("#unduh");
    await page.keyboard.press("Enter");
    const state = await Promise.race([completed, settle(10_000).then(() => "no word within 10 s")]);
    expect(state).toBe("completed");
    expect(readFileSync(join(downloads, "antrian-puskesmas.yaml"), "utf8")).toBe(shown);
  }, 120_000);

  it("a change sent from the page: the intake previews only what was changed, then writes the registered file with just that line new", async () => {
    const { page } = await open(1280);
    await page.focus("#mode-ubah");
    await page.keyboard.press("Space");
    await page.focus("#existing");
    await page.keyboard.type("sehat");
    await settle();
    expect(await page.$eval("#existing", (e) => (e as HTMLSelectElement).value)).toBe("requests/dinkes/sehat.yaml");
    // The registered public values are filled in; the liaison changes the purpose only.
    expect(await page.$eval("#purpose", (e) => (e as HTMLTextAreaElement).value)).toBe("Portal informasi layanan kesehatan masyarakat Kabupaten Contoh");
    await typeInto(page, "purpose", "Portal kesehatan & gizi masyarakat Kabupaten Contoh");
    await settle();
    const href = await page.$eval("#kirim-github", (a) => ((a as HTMLAnchorElement).hidden ? "" : (a.getAttribute("href") ?? "")));
    expect(new URL(href).searchParams.get("template")).toBe("permohonan-ubah.yml");
    const link = issueLink("ubah", { ...(await pageValues(page)), opd: "dinkes", label: "sehat" }, governance, REPO);
    if (!link.ok) throw new Error(JSON.stringify(link.problems));
    expect(href).toBe(link.url);
    const templates = renderForms(governance);
    const submitted = submitIssueForm(href, REPO, templates, link.steps);
    const w = await world();
    try {
      const issue = w.fake.openIssue("siti-dinkes", submitted.title, submitted.body, submitted.labels);
      const run = () => runIntake(w.bot, w.ref, { issue, baseBranch: "main", today: day(0), baseFiles: baseFiles() });
      const preview = await run();
      expect(preview).toMatchObject({ kind: "preview", changes: [{ field: "Kegunaan", before: "Portal informasi layanan kesehatan masyarakat Kabupaten Contoh", after: "Portal kesehatan & gizi masyarakat Kabupaten Contoh" }] });
      // The liaison ticks the confirmation on GitHub, as the intake's comment asks.
      w.fake.editIssue(issue, submitIssueForm(href, REPO, templates, [...link.steps, { id: "confirm", label: "Konfirmasi", action: "tick", value: CONFIRM_OPTION, message: { id: "", en: "" } }]).body);
      expect(await run()).toMatchObject({ kind: "pull-request", path: "requests/dinkes/sehat.yaml" });
      const before = readFileSync(join(CONTOH, "requests/dinkes/sehat.yaml"), "utf8");
      expect(w.fake.fileAt(`permohonan/isu-${issue}`, "requests/dinkes/sehat.yaml")).toBe(before.replace("purpose: Portal informasi layanan kesehatan masyarakat Kabupaten Contoh", "purpose: Portal kesehatan & gizi masyarakat Kabupaten Contoh"));
    } finally {
      await w.fake.stop();
    }
  }, 120_000);

  it("Tab reaches every control, in the order they stand on the page", async () => {
    const { page } = await open(1280);
    await page.focus("#opd");
    await page.keyboard.type("dinkes");
    await page.focus("#target-kind-server");
    await page.keyboard.press("Space");
    // From the top of the page, as after opening it (what was chosen stays, from this browser's storage).
    await page.reload({ waitUntil: "networkidle0" });
    await ready(page);
    // Every visible control, radio groups as one stop, in document order.
    const expected = await page.evaluate(() => {
      const seen = new Set<string>();
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>("a[href], input, select, textarea, button, summary, [tabindex]")) {
        if (el.closest("[hidden]") || el.getClientRects().length === 0 || el.tabIndex < 0 || (el as HTMLInputElement).disabled) continue;
        // Inside a closed <details> only its summary takes focus.
        const details = el.closest("details");
        if (details && !details.open && el.tagName !== "SUMMARY") continue;
        const radio = el instanceof HTMLInputElement && el.type === "radio" ? el.name : undefined;
        if (radio) {
          if (seen.has(radio)) continue;
          seen.add(radio);
          out.push(`radio:${radio}`);
        } else out.push(el.id || el.tagName.toLowerCase() + (el.getAttribute("href") ? `[${el.getAttribute("href")}]` : ""));
      }
      return out;
    });
    const reached: string[] = [];
    for (let i = 0; i < expected.length + 3; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return "body";
        if (el instanceof HTMLInputElement && el.type === "radio") return `radio:${el.name}`;
        return el.id || el.tagName.toLowerCase() + (el.getAttribute("href") ? `[${el.getAttribute("href")}]` : "");
      });
      if (id === "body" || reached.includes(id)) break;
      reached.push(id);
    }
    expect(reached, JSON.stringify({ reached, expected })).toEqual(expected);
    for (const id of ["opd", "label", "purpose", "radio:target-kind", "ipv4", "review-by", "kosongkan"]) expect(reached).toContain(id);
  }, 120_000);

  it("a reload keeps what was typed (this browser's storage only)", async () => {
    const { page } = await open(1280);
    await fillAsLiaison(page);
    const before = await pageValues(page);
    await page.reload({ waitUntil: "networkidle0" });
    await ready(page);
    expect(await pageValues(page)).toEqual(before);
    expect(before.label).toBe("antrian-puskesmas");
  }, 120_000);

  it("at phone width (390 px) the same form fits the screen; screenshots empty, with mistakes, and filled", async () => {
    const { page } = await open(390, 844);
    await page.evaluate(() => localStorage.clear());
    await page.reload({ waitUntil: "networkidle0" });
    await ready(page);
    await shot(page, "phone-1-empty");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await fillAsLiaison(page);
    await typeInto(page, "administrative-nip", "12345");
    await typeInto(page, "ipv4", "192.168.1.300");
    await settle();
    expect((await fieldsWithErrors(page)).sort()).toEqual(["administrative-nip", "ipv4"]);
    await shot(page, "phone-2-mistakes");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // A name the intake cannot make a file of is said at the name field, not silently dropped.
    await typeInto(page, "administrative-nip", "198703152010012004");
    await typeInto(page, "ipv4", "103.147.8.20");
    await typeInto(page, "label", "Antrian_Puskesmas");
    await settle();
    expect(await fieldsWithErrors(page)).toEqual(["label"]);
    expect(await describedText(page, "label")).toMatch(/hanya boleh berisi huruf, angka dan tanda hubung/);
    await typeInto(page, "label", "antrian-puskesmas");
    await settle();
    expect(await fieldsWithErrors(page)).toEqual([]);
    await shot(page, "phone-3-filled-valid");
  }, 120_000);

  it("requested nothing outside its own folder, logged no console error and violated no CSP", () => {
    expect(pages.length).toBeGreaterThan(5);
    const folder = `${site.origin}formulir/`;
    for (const w of pages) {
      expect(w.requests.filter((u) => !u.startsWith(folder))).toEqual([]);
      expect(w.errors).toEqual([]);
      expect(w.cspViolations).toEqual([]);
    }
    expect(site.served.every((p) => p.startsWith("/formulir/"))).toBe(true);
  });
});
