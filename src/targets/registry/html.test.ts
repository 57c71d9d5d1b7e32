import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contactSecrets, loadExamples } from "../../../test/papers/examples.ts";
import { registryHtml } from "./html.ts";
import { registryRows, type RegistryRow } from "./rows.ts";

const ex = loadExamples();
const rows = registryRows(ex.requests, ex.governance, new Map([["requests/dinkes/sehat.yaml", { created: "2026-03-02T10:00:00+07:00", lastChanged: "2026-03-04T09:00:00+07:00" }]]));
const html = registryHtml(rows, { government: ex.governance.government.name, generated: "2026-03-16" });

describe("public registry page", () => {
  it("lists every example subdomain with its Unicode and ASCII names, OPD, target, status and dates", () => {
    expect(rows.length).toBe(ex.requests.length);
    expect(html).toContain("Daftar subdomain Pemerintah Kabupaten Contoh");
    // Host names wrap only after a dot.
    expect(html).toContain('ꦧꦸꦢꦪ.<wbr>contohkab.<wbr>go.<wbr>id<span class="ascii" lang="en">xn--dm9ajak8c.<wbr>contohkab.<wbr>go.<wbr>id</span>');
    expect(html).toContain("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (dpmptsp)");
    for (const r of rows.filter((x) => !x.hosting)) expect(html).toContain(`>${r.target.replace(/\./g, ".<wbr>")}<`);
    // Hosting, status and dates in words.
    expect(html).toMatch(/>penyimpanan \d+ GiB, CPU 0,5 inti, memori \d+ MiB</);
    expect(html).toContain(">Aktif<");
    expect(html).toContain(">Tidak dipakai lagi (data dihapus)<");
    expect(html).toContain(">2 Maret 2026<");
    expect(html).toContain(">belum di-commit<");
    expect(html).toContain(">1 Maret 2027<");
    expect(html).not.toMatch(/>\d{4}-\d{2}-\d{2}</);
  });

  it("shows no phone number, NIP or e-mail of any contact", () => {
    const secrets = [
      ...contactSecrets(ex),
      ...ex.requests.flatMap(({ request: r }) => [r.contacts.administrative.email, r.contacts.technical.email, r.contacts.technical.name]),
    ];
    expect(secrets.length).toBeGreaterThan(10);
    const digits = html.replace(/\D/g, " ");
    for (const s of secrets.filter(Boolean)) {
      expect(html).not.toContain(s);
      if (/^\d{8,}$/.test(s)) expect(digits).not.toContain(s);
    }
    expect(html).not.toMatch(/@[a-z0-9-]+\.contohkab\.go\.id/);
  });

  it("is self-contained: no external assets, inline style and script allowed by hash only", () => {
    expect(html).not.toMatch(/<(link|img|iframe)\b/);
    expect(html).not.toMatch(/src=|@import|url\(/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = (s: string) => `sha256-${createHash("sha256").update(s).digest("base64")}`;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(csp).toContain(`default-src 'none'`);
    expect(csp).toContain(hash(style));
    expect(csp).toContain(hash(script));
    // The inline search script is valid JavaScript.
    expect(() => new Function(script)).not.toThrow();
  });

  it("is accessible: language, viewport, caption, header scopes, a labelled search box", () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="id">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("<caption>Daftar subdomain</caption>");
    expect(html.match(/<th scope="col">/g)?.length).toBe(10);
    expect(html.match(/<th scope="row"/g)?.length).toBe(rows.length);
    expect(html).toContain('<label for="cari">');
    expect(html).toContain("@media (max-width:48rem)");
  });

  it("escapes what the requests say", () => {
    const evil: RegistryRow = { ...rows[0]!, purpose: `<script>alert("x")</script> & "kutip"` };
    const page = registryHtml([evil], { government: "Pemerintah <Uji>", generated: "2026-03-16" });
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;kutip&quot;");
    expect(page).toContain("Pemerintah &lt;Uji&gt;");
    expect(page.match(/<script>/g)?.length).toBe(1);
  });

  it("filters rows as one types in the search box (inline script run against a minimal document)", () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const bodyRows = [...html.matchAll(/<tr><th scope="row"[\s\S]*?<\/tr>/g)].map((m) => ({ textContent: m[0].replace(/<[^>]+>/g, " "), hidden: false }));
    let listener: (() => void) | undefined;
    const box = { value: "", addEventListener: (_: string, fn: () => void) => (listener = fn) };
    const search = { hidden: true };
    const count = { textContent: String(bodyRows.length) };
    const document = {
      getElementById: (id: string) => ({ cari: box, pencarian: search, jumlah: count })[id],
      querySelectorAll: () => bodyRows,
    };
    new Function("document", script)(document);
    expect(search.hidden).toBe(false);
    box.value = "BPBD";
    listener!();
    const shown = bodyRows.filter((r) => !r.hidden);
    expect(shown.length).toBe(rows.filter((r) => r.opd === "bpbd").length);
    expect(count.textContent).toBe(String(shown.length));
    box.value = "";
    listener!();
    expect(bodyRows.every((r) => !r.hidden)).toBe(true);
  });

  it("speaks English on request and says so when the list is empty", () => {
    const en = registryHtml(rows, { government: "Contoh Regency", generated: "2026-03-16", lang: "en" });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Registry of subdomains Contoh Regency");
    expect(registryHtml([], { government: "X", generated: "2026-03-16" })).toContain("Belum ada subdomain.");
  });
});
