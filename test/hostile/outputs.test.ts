// Request text in every output the bot writes is inert: no live link, image, heading, mention or
// table break in Markdown (plan comment, invalid-plan comment, deploy comment, ownership message,
// registry), no escape sequence or workflow command on a terminal or in an Actions log.
import { describe, expect, it } from "vitest";
import { formatGithub, formatText } from "../../src/diagnostics/format.ts";
import { markdownText, terminalText } from "../../src/diagnostics/inert.ts";
import { renderInvalidMarkdown } from "../../src/plan/render-markdown.ts";
import { ownershipSection } from "../../src/github/refresh.ts";
import { checkOwnership } from "../../src/github/ownership.ts";
import { registryMarkdown } from "../../src/targets/registry/render.ts";
import type { RegistryRow } from "../../src/targets/registry/rows.ts";

const HOSTILE = "x](https://evil.example/a) ![img](https://evil.example/i.png) [t](javascript:alert(1)) <img src=x onerror=alert(1)> @octocat #1 www.evil.example **b** `c` | d\n# Heading\n::add-mask::secret ##[error]forged \x1b[2J\x1b]8;;https://evil.example\x07";

/** What would make Markdown live: link or image syntax, raw HTML, autolinks, mentions, references, line starts. */
function assertInertMarkdown(md: string): void {
  expect(md).not.toMatch(/\]\(/);
  expect(md).not.toMatch(/!\[/);
  expect(md).not.toMatch(/<img|<script/i);
  expect(md).not.toMatch(/https?:\/\//);
  expect(md).not.toMatch(/www\./i);
  expect(md).not.toMatch(/@octocat/);
  expect(md).not.toMatch(/#1\b/);
  expect(md).not.toMatch(/\n# Heading/);
  expect(md).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
}

describe("Markdown written by the bot", () => {
  it("escapes hostile text in one place", () => assertInertMarkdown(markdownText(HOSTILE)));
  it("keeps the plan's invalid-request comment inert", () => {
    const md = renderInvalidMarkdown([{ file: "requests/dinkes/x.yaml", line: 1, column: 1, rule: "label.syntax", severity: "error", message: { id: HOSTILE, en: HOSTILE } }]);
    assertInertMarkdown(md.replace(/<!-- subdomain-plan -->/, ""));
  });
  it("keeps the ownership message inert for a hostile file name", () => {
    const v = checkOwnership([`requests/dinkes/${HOSTILE.replace(/\n/g, " ")}.yaml`, "[x](https://evil.example)"], "siti-dinkes", false, { opds: [{ code: "dinkes", name: "Dinas Kesehatan", liaisons: ["siti-dinkes"] }] } as never);
    expect(v.ok).toBe(false);
    assertInertMarkdown(ownershipSection(v, "siti-dinkes", "en").replace(/^### .*\n/, ""));
  });
  it("keeps the registry inert for a hostile purpose", () => {
    const row = { name: "sehat.contohkab.go.id", displayName: "sehat.contohkab.go.id", opd: "dinkes", opdName: "Dinas Kesehatan", purpose: HOSTILE, targetKind: "server", target: "103.28.12.10", status: "active", reviewBy: "2027-03-01", file: "requests/dinkes/sehat.yaml" } as RegistryRow;
    const md = registryMarkdown([row]);
    assertInertMarkdown(md);
    // The table keeps its columns: the pipe in the purpose does not add one.
    const line = md.split("\n").find((l) => l.includes("sehat.contohkab.go.id"))!;
    expect(line.split(" | ")).toHaveLength(10);
  });
});

describe("terminal and Actions log output", () => {
  const d = [{ file: "requests/dinkes/x.yaml", line: 1, column: 1, rule: "label.syntax", severity: "error" as const, message: { id: HOSTILE, en: HOSTILE } }];
  it("shows control characters instead of sending them, so no escape sequence or new log line appears", () => {
    const text = formatText(d, "en", 1);
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(text.split("\n").filter((l) => /^\s*::/.test(l))).toEqual([]);
    expect(text).not.toContain("##[");
    expect(text).toContain("\\x1b[2J");
  });
  it("writes one annotation per diagnostic, with no raw control character", () => {
    const gh = formatGithub(d, "en");
    expect(gh.trimEnd().split("\n")).toHaveLength(1);
    expect(gh).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  });
  it("breaks a line-start workflow command", () => expect(terminalText("::add-mask::x")).not.toMatch(/^::/));
});
