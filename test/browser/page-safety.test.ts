// The web form with hostile registry data, in Debian's Chromium: an OPD name and a purpose that
// are HTML (a script, an image with onerror, a closing </textarea>) reach the page through the
// HTML (OPD list), data.json (the change list, the purpose filled in) and CI's messages (the
// name is taken by that OPD); everywhere they stay text. And in every mode, every control has a
// label, and its aria-describedby names existing elements, one of them its error element.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTOH } from "../fixtures/contoh.ts";
import { browserMissing, openSite, REPO_ROOT, watchedPage, type Site, type Watched } from "./harness.ts";

const missing = browserMissing();

const HOSTILE_OPD = `Dinas <img src=x id=opd-pwned onerror="document.title='pwned'"> Kesehatan & "Co"`;
const HOSTILE_PURPOSE = `Portal <script id=purpose-pwned>document.title='pwned'</script></textarea><img src=x id=ta-pwned onerror="document.title='pwned'"> kesehatan`;

/** The fixture government, with dinkes's name and sehat's purpose made hostile. */
function hostileRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "formulir-hostile-"));
  cpSync(join(CONTOH, "requests"), join(root, "requests"), { recursive: true });
  cpSync(join(REPO_ROOT, "schemas"), join(root, "schemas"), { recursive: true });
  const gov = readFileSync(join(CONTOH, "governance.yaml"), "utf8").replace("name: Dinas Kesehatan", `name: ${JSON.stringify(HOSTILE_OPD)}`);
  writeFileSync(join(root, "governance.yaml"), gov);
  const sehat = join(root, "requests/dinkes/sehat.yaml");
  writeFileSync(sehat, readFileSync(sehat, "utf8").replace(/^purpose: .*$/m, `purpose: ${JSON.stringify(HOSTILE_PURPOSE)}`));
  return root;
}

const injected = (page: Page) => page.evaluate(() => ["opd-pwned", "purpose-pwned", "ta-pwned"].filter((id) => document.getElementById(id)) as string[]);

describe.skipIf(missing !== undefined)("web form with hostile registry data", () => {
  let site: Site;
  let w: Watched;
  beforeAll(async () => {
    site = await openSite(hostileRoot());
    w = await watchedPage(site.browser, 1280);
    await w.page.goto(site.formUrl, { waitUntil: "load" });
    await w.page.waitForFunction(() => (document.getElementById("existing") as HTMLSelectElement).options.length > 1, { timeout: 30_000 });
  }, 180_000);
  afterAll(async () => site?.close());

  it("shows an OPD name and a purpose that are HTML as text, in the list, the fields and CI's messages", async () => {
    const { page } = w;
    // The OPD list (HTML built in Node).
    const optionText = await page.$eval("#opd option[value=dinkes]", (o) => o.textContent);
    expect(optionText).toBe(`dinkes — ${HOSTILE_OPD}`);
    // A change: the name chosen from data.json, its purpose filled in.
    await page.click("#mode-ubah");
    const sehat = await page.$$eval("#existing option", (os) => os.find((o) => o.value === "requests/dinkes/sehat.yaml")?.textContent);
    expect(sehat).toBe(`sehat.contohkab.go.id — ${HOSTILE_OPD}`);
    await page.select("#existing", "requests/dinkes/sehat.yaml");
    await page.waitForFunction(() => (document.getElementById("purpose") as HTMLTextAreaElement).value !== "");
    expect(await page.$eval("#purpose", (t) => (t as HTMLTextAreaElement).value)).toBe(HOSTILE_PURPOSE);
    // The file shown beside the form holds it as text too.
    expect(await page.$eval("#berkas", (p) => p.textContent)).toContain("document.title='pwned'");
    // A new name taken by that OPD: CI's message names it.
    await page.click("#mode-baru");
    await page.select("#opd", "disdik");
    await page.focus("#label");
    // The change filled the label in: replace it, as a person would.
    await page.keyboard.down("Control");
    await page.keyboard.press("KeyA");
    await page.keyboard.up("Control");
    await page.keyboard.type("sehat");
    await page.waitForFunction(() => (document.getElementById("label-galat")?.textContent ?? "").includes("name.unique"), { timeout: 10_000 });
    expect(await page.$eval("#label-galat", (e) => e.textContent)).toContain(HOSTILE_OPD);
    expect(await injected(page)).toEqual([]);
    expect(await page.title()).not.toContain("pwned");
    expect(w.errors).toEqual([]);
    expect(w.cspViolations).toEqual([]);
  }, 60_000);

  it("gives every control of every mode a label and an error element named by aria-describedby", async () => {
    const { page } = w;
    for (const mode of ["baru", "ubah", "hapus"]) {
      await page.click(`#mode-${mode}`);
      if (mode !== "baru") await page.select("#existing", "requests/dinkes/sehat.yaml");
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        const visible = (el: Element) => !el.closest("[hidden]");
        for (const el of document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("form input, form select, form textarea")) {
          if (!visible(el)) continue;
          const name = `${el.tagName.toLowerCase()}[name=${el.name}]`;
          if (!el.labels || el.labels.length === 0 || !(el.labels[0]!.textContent ?? "").trim()) out.push(`${name}: no label`);
          if (el.name === "mode" || (el as HTMLInputElement).type === "radio") {
            // A radio's group: its fieldset names the legend, the help and the error.
            const fs = el.closest("fieldset");
            if (!fs?.querySelector("legend")?.textContent?.trim()) out.push(`${name}: no legend`);
            if (el.name === "mode") continue;
            const refs = (fs?.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
            if (!refs.some((r) => document.getElementById(r)?.classList.contains("err"))) out.push(`${name}: group without an error element`);
            continue;
          }
          const refs = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
          if (refs.some((r) => !document.getElementById(r))) out.push(`${name}: aria-describedby names a missing element`);
          if (!refs.some((r) => document.getElementById(r)?.classList.contains("err"))) out.push(`${name}: no error element in aria-describedby`);
        }
        return out;
      });
      expect({ mode, problems }).toEqual({ mode, problems: [] });
    }
  }, 60_000);
});
