// Bad input never crashes the loader and is never skipped: each kind gets its own finding.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { discoverRequests } from "../../src/load/discover.ts";
import { LIMITS } from "../../src/load/limits.ts";
import { parseYaml } from "../../src/load/parse.ts";
import { readYamlFile } from "../../src/load/read.ts";
import { requestText } from "./helpers.ts";

const temps: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

const enc = new TextEncoder();
const parse = (text: string | Uint8Array) => parseYaml("requests/dinkes/x.yaml", typeof text === "string" ? enc.encode(text) : text);
const found = (text: string | Uint8Array) => parse(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`);

describe("parseYaml on bad input", () => {
  it("reads a valid request and records positions of values and keys", () => {
    const r = parse("label: sehat\nopd: dinkes\ntarget:\n  server:\n    ipv4: [103.28.12.10]\n");
    expect(r.diagnostics).toEqual([]);
    expect(r.positions["/target/server/ipv4/0"]).toEqual([5, 12]);
    expect(r.positions["/opd#key"]).toEqual([2, 1]);
  });
  it("reports malformed YAML at its line", () => expect(found("label: sehat\nopd: [dinkes\npurpose: x\n")).toEqual(["3:1 yaml.syntax"]));
  it("reports a duplicate key at the second occurrence", () => expect(found("label: a\nopd: b\nlabel: c\n")).toEqual(["3:1 yaml.duplicate-key"]));
  it("reports several documents at the second", () => expect(found("label: a\n---\nlabel: b\n")).toEqual(["2:1 yaml.multi-document"]));
  it("refuses an alias bomb without expanding it", () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${"bcdefghij"[i]}: &${"bcdefghij"[i]} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(",")}]`)].join("\n");
    expect(found(bomb)).toEqual(["1:4 yaml.alias"]);
  });
  it("refuses aliases and custom tags", () => {
    expect(found("opd: *x\n")[0]).toMatch(/yaml\.(alias|syntax)/);
    expect(found("label: !!python/object:os.system x\n")).toEqual(["1:8 yaml.tag"]);
    expect(parse("label: !!binary aGk=\n").diagnostics[0]!.message.en).toContain("!!binary");
  });
  it("refuses deep flow nesting, deep block nesting and compact nesting before parsing", () => {
    expect(found(`label: ${"[".repeat(100)}${"]".repeat(100)}\n`)).toEqual(["1:1 yaml.depth"]);
    expect(found("- ".repeat(30_000) + "x\n")).toEqual(["1:1 yaml.depth"]);
    expect(found("? ".repeat(30_000) + "x\n")).toEqual(["1:1 yaml.depth"]);
    const block = "a:\n" + Array.from({ length: 120 }, (_, i) => " ".repeat(i + 1) + "b:").join("\n") + " x\n";
    expect(found(block)).toEqual([`${LIMITS.indent + 2}:1 yaml.depth`]);
    const moderate = "a:\n" + Array.from({ length: 20 }, (_, i) => " ".repeat(i + 1) + "b:").join("\n") + " x\n";
    expect(found(moderate)).toEqual(["18:18 yaml.depth"]);
  });
  it("refuses an oversized file without parsing it", () => {
    expect(found("# x\n".repeat(LIMITS.requestBytes))).toEqual(["1:1 file.size"]);
  });
  it("refuses binary and non-UTF-8 content", () => {
    expect(found(new Uint8Array([0x6c, 0x3a, 0x20, 0x00, 0xff]))).toEqual(["1:1 file.binary"]);
    expect(found(new Uint8Array([0x6c, 0x3a, 0x20, 0xe9, 0x0a]))).toEqual(["1:1 file.encoding"]);
  });
  it("warns about a byte-order mark and still reads the file", () => {
    const r = parse(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode("label: sehat\n")]));
    expect(r.diagnostics.map((d) => `${d.rule} ${d.severity}`)).toEqual(["file.bom warning"]);
    expect(r.value).toEqual({ label: "sehat" });
  });
  it("reports empty files, comment-only files and null documents", () => {
    expect(found("")).toEqual(["1:1 file.empty"]);
    expect(found("# nothing\n")).toEqual(["1:1 file.empty"]);
    expect(found("~\n")).toEqual(["1:1 file.empty"]);
  });
  it("refuses complex keys", () => expect(found("? [a, b]\n: c\n")).toEqual(["1:3 yaml.complex-key"]));
  it("reads CRLF line endings", () => expect(parse(requestText().replace(/\n/g, "\r\n")).diagnostics).toEqual([]));
});

describe("discovery and reading", () => {
  const repo = () => {
    const root = tempDir("load-");
    mkdirSync(join(root, "requests/dinkes/folder.yaml"), { recursive: true });
    mkdirSync(join(root, "requests/dinkes/sub"), { recursive: true });
    writeFileSync(join(root, "requests/dinkes/ok.yaml"), "label: ok\n");
    writeFileSync(join(root, "requests/dinkes/old.yml"), "label: old\n");
    writeFileSync(join(root, "requests/dinkes/notes.txt"), "x");
    writeFileSync(join(root, "requests/top.yaml"), "label: top\n");
    symlinkSync(join(root, "requests/dinkes/ok.yaml"), join(root, "requests/dinkes/link.yaml"));
    return root;
  };
  it("lists request files and reports everything else, never skipping it", () => {
    const d = discoverRequests(repo());
    expect(d.files).toEqual(["requests/dinkes/ok.yaml"]);
    expect(d.diagnostics.map((x) => `${x.file} ${x.rule}`).sort()).toEqual(
      [
        "requests/dinkes/folder.yaml file.not-file",
        "requests/dinkes/link.yaml file.symlink",
        "requests/dinkes/notes.txt path.layout",
        "requests/dinkes/old.yml path.layout",
        "requests/dinkes/sub path.layout",
        "requests/top.yaml path.layout",
      ].sort(),
    );
  });
  it("takes a missing requests folder for an empty one (a newly adopted repository), but not a file in its place", () => {
    expect(discoverRequests(tempDir("load-"))).toEqual({ files: [], diagnostics: [] });
    const root = tempDir("load-");
    writeFileSync(join(root, "requests"), "not a folder");
    expect(discoverRequests(root).diagnostics.map((x) => x.rule)).toEqual(["file.not-file"]);
  });
  it("reads a file under a root of any form as join(root, file) names it, `..` through a symlink included", () => {
    const root = repo();
    const outside = tempDir("load-");
    mkdirSync(join(outside, "sub"));
    mkdirSync(join(outside, "dinkes"));
    writeFileSync(join(outside, "dinkes/ok.yaml"), "label: outside\n");
    symlinkSync(join(outside, "sub"), join(root, "requests/away"));
    const label = (r: string, f: string) => (readYamlFile(r, f).value as { label?: string } | undefined)?.label;
    // join resolves `..` by the name, not through the link: the file inside the repository.
    expect(label(root, "requests/away/../dinkes/ok.yaml")).toBe("ok");
    expect(label(`${root}/`, "requests/dinkes/ok.yaml")).toBe("ok");
    expect(label(`${root}/requests/..`, "requests/dinkes/ok.yaml")).toBe("ok");
    expect(label(relative(process.cwd(), root), "requests/dinkes/ok.yaml")).toBe("ok");
    expect(label(root, "./requests//dinkes/ok.yaml")).toBe("ok");
    expect(label(join(root, "requests/away"), "../dinkes/ok.yaml")).toBe("ok");
    expect(label(join(root, "requests/away"), "x/../../dinkes/ok.yaml")).toBe("ok");
    // Through the link by the file system: the file outside (the fixture is what the test says it is).
    expect(readFileSync(`${root}/requests/away/../dinkes/ok.yaml`, "utf8")).toBe("label: outside\n");
  });
  it("reports a folder or a missing file where a file is read", () => {
    const root = repo();
    expect(readYamlFile(root, "requests/dinkes/folder.yaml").diagnostics.map((x) => x.rule)).toEqual(["file.not-file"]);
    expect(readYamlFile(root, "requests/dinkes/gone.yaml").diagnostics.map((x) => x.rule)).toEqual(["file.missing"]);
  });
});
