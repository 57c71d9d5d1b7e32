// startNamed must hand back a server that is its own: when the port it tries is already served by
// another named with the same zone (test files run side by side), the answer must not be taken for
// its own; it moves to another port. And no other test process may start a server on a port one
// of ours holds, while it holds it; the hold ends with its process, however that ends.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { createSocket } from "node:dgram";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, missingTools, reservePort, startNamed, type NamedServer } from "./tools.ts";

const missing = missingTools(["named", "dig"]);
const ZONE = "port.test";
const zone = (serial: number) => `$TTL 300\n@ SOA ns1 hostmaster ${serial} 3600 900 1209600 300\n@ NS ns1\nns1 A 127.0.0.1\n`;

describe.skipIf(missing.length > 0)("startNamed", () => {
  const servers: NamedServer[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const serve = async (serial: number, firstPort?: number) => {
    const work = mkdtempSync(join(tmpdir(), "named-port-"));
    dirs.push(work);
    writeFileSync(join(work, "zone.db"), zone(serial));
    const s = await startNamed(work, [{ name: ZONE, file: join(work, "zone.db") }], { firstPort });
    servers.push(s);
    return s;
  };
  const serial = (port: number) =>
    spawnSync("dig", ["@127.0.0.1", "-p", String(port), "+short", ZONE, "SOA"], { encoding: "utf8" }).stdout.trim().split(/\s+/)[2];

  it("moves to another port when its first port is already served by another named", async () => {
    const first = await serve(1);
    const second = await serve(2, first.port);
    expect(second.port).not.toBe(first.port);
    expect([serial(first.port), serial(second.port)]).toEqual(["1", "2"]);
  }, 60_000);

  it("moves to another port when a program that does not share ports holds its first one", async () => {
    const port = await freePort();
    const holder = createSocket("udp4");
    await new Promise<void>((resolve) => holder.bind(port, "127.0.0.1", resolve));
    try {
      const s = await serve(3, port);
      expect(s.port).not.toBe(port);
      expect(serial(s.port)).toBe("3");
    } finally {
      holder.close();
    }
  }, 60_000);

  /** Another test process asking for `port` the way startNamed does: "held" or "refused". */
  const fromAnotherProcess = (port: number, then = "process.exit(0)") =>
    spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", `
      const { reservePort } = await import(${JSON.stringify(join(import.meta.dirname, "tools.ts"))});
      console.log((await reservePort(${port})) ? "held" : "refused");
      ${then};`], { stdio: ["ignore", "pipe", "inherit"] });
  const firstLine = (child: ReturnType<typeof spawn>) =>
    new Promise<string>((resolve) => {
      let out = "";
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) resolve(out.trim());
      });
      child.once("exit", () => resolve(out.trim()));
    });

  it("holds its port against every other test process until it stops", async () => {
    const s = await serve(4);
    expect(await firstLine(fromAnotherProcess(s.port))).toBe("refused");
    await s.stop();
    expect(await firstLine(fromAnotherProcess(s.port))).toBe("held");
  }, 60_000);

  it("leaves no hold behind when the process holding it is killed", async () => {
    const port = await freePort();
    const other = port + 1 < 65536 ? port + 1 : port - 1; // a number only: nothing binds it here
    const holder = fromAnotherProcess(other, "setInterval(() => {}, 1000)");
    try {
      expect(await firstLine(holder)).toBe("held");
      expect(await reservePort(other)).toBeNull();
    } finally {
      const gone = new Promise((resolve) => holder.once("exit", resolve));
      holder.kill("SIGKILL");
      await gone;
    }
    const held = await reservePort(other);
    expect(held).not.toBeNull();
    held!.release();
    expect(await reservePort(port)).toBeNull(); // freePort's own hold lasts as long as this process
  }, 60_000);
});
