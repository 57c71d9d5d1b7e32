// validate and plan end their process as soon as their output is written (src/cli/common.ts
// exitWhenWritten) instead of letting Node take the heap down: these tests try to lose that output
// (a reader that does not read yet, more than a pipe holds) and the exit code and 'exit' handlers.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, TSX } from "./run.ts";

const dir = mkdtempSync(join(tmpdir(), "exit-when-written-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a command written with runMain(…, { exitWhenDone: true }); its stdout is read only after `wait` ms. */
function slowReader(body: string, wait: number): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  const file = join(dir, `command-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, `import { runMain } from ${JSON.stringify(join(REPO, "src/cli/common.ts"))};\n${body}\n`);
  return new Promise((resolve) => {
    const child = spawn(TSX, [file], { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    child.stderr.on("data", (b: Buffer) => (err += b.toString("utf8")));
    child.stdout.pause();
    setTimeout(() => {
      child.stdout.on("data", (b: Buffer) => out.push(b));
      child.stdout.resume();
    }, wait);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out), stderr: err }));
  });
}

describe("a command that ends its process once its output is written", () => {
  it("loses none of it when the reader is slow and it wrote more than a pipe holds, and keeps its exit code and 'exit' handlers", async () => {
    // 4 MB in 64 KB writes: most of it waits in the stream when main returns.
    const r = await slowReader(
      `process.on("exit", () => process.stderr.write("exit handler ran\\n"));
void runMain(() => { const line = "x".repeat(65535) + "\\n"; for (let i = 0; i < 64; i++) process.stdout.write(line); process.stderr.write("done\\n"); return 3; }, () => "id", { exitWhenDone: true });`,
      700,
    );
    expect(r.code).toBe(3);
    expect(r.stdout.length).toBe(64 * 65536);
    expect(r.stdout.every((b, i) => b === ((i + 1) % 65536 === 0 ? 0x0a : 0x78))).toBe(true);
    expect(r.stderr).toBe("done\nexit handler ran\n");
  }, 60_000);

  it("ends even when nobody waits for the rest (a closed reader), with the code main gave", async () => {
    const file = join(dir, "closed.ts");
    writeFileSync(file, `import { runMain } from ${JSON.stringify(join(REPO, "src/cli/common.ts"))};\nvoid runMain(() => { for (let i = 0; i < 64; i++) process.stdout.write("y".repeat(65536)); return 1; }, () => "id", { exitWhenDone: true });\n`);
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(TSX, [file], { stdio: ["ignore", "pipe", "ignore"] });
      child.stdout.destroy(); // the reader goes away: writes fail with EPIPE
      child.on("close", (c) => resolve(c));
    });
    expect(code).toBe(1);
  }, 60_000);
});
