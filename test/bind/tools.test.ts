// startNamed must hand back a server that is its own: when the port it tries is already served by
// another named with the same zone (test files run side by side), the answer must not be taken for
// its own; it moves to another port.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { createSocket } from "node:dgram";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, missingTools, startNamed, type NamedServer } from "./tools.ts";

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
});
