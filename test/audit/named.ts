// A real BIND on 127.0.0.1 serving the given zones (authoritative only, no recursion): the way the
// BIND tests run it (test/bind/zone.test.ts), for the audit's tests and bench.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "../bind/tools.ts";

export interface Named {
  port: number;
  stop(): Promise<void>;
}

/** A zone file: SOA and NS at the apex, then `name TYPE value` lines relative to the origin. */
export function zoneText(origin: string, lines: readonly string[]): string {
  return [`$ORIGIN ${origin}.`, "$TTL 300", `@ SOA ns1.${origin}. hostmaster.${origin}. 1 3600 900 1209600 300`, `@ NS ns1.${origin}.`, `ns1 A 127.0.0.1`, ...lines, ""].join("\n");
}

export async function startNamed(dir: string, zones: Record<string, string>): Promise<Named> {
  const port = await freePort();
  const decl = Object.keys(zones).map((z, i) => {
    writeFileSync(join(dir, `zone${i}.db`), zones[z]!);
    return `zone "${z}" { type primary; file "${join(dir, `zone${i}.db`)}"; };`;
  });
  writeFileSync(
    join(dir, "named.conf"),
    `options {
  directory "${dir}";
  pid-file "${dir}/named.pid";
  session-keyfile "${dir}/session.key";
  managed-keys-directory "${dir}";
  listen-on port ${port} { 127.0.0.1; };
  listen-on-v6 { none; };
  recursion no;
  dnssec-validation no;
  notify no;
};
controls { };
${decl.join("\n")}
`,
  );
  const named: ChildProcess = spawn("named", ["-g", "-c", join(dir, "named.conf"), "-n", "1"], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  named.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const first = Object.keys(zones)[0]!;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const r = spawnSync("dig", ["@127.0.0.1", "-p", String(port), "+short", "+time=1", "+tries=1", first, "SOA"], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) break;
    if (named.exitCode !== null || Date.now() > deadline) throw new Error(`named did not start:\n${log}`);
    await new Promise((res) => setTimeout(res, 200));
  }
  return {
    port,
    async stop() {
      if (named.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => named.once("exit", () => resolve()));
      named.kill("SIGTERM");
      await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 5_000))]);
    },
  };
}
