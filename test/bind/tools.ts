// External programs the BIND tests need. Missing ones are reported loudly; under CI=true the
// test fails instead of skipping, so a CI machine without BIND can never pass silently.
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { createSocket } from "node:dgram";

export function have(program: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${program}`], { encoding: "utf8" }).status === 0;
}

export function missingTools(programs: string[]): string[] {
  const missing = programs.filter((p) => !have(p));
  if (missing.length) {
    const line = `\n!!! BIND tests: program(s) missing: ${missing.join(", ")}. Install: apt-get install -y bind9 bind9-utils bind9-dnsutils !!!\n`;
    process.stderr.write(line);
    if (process.env.CI === "true") throw new Error(`CI=true and required programs are missing: ${missing.join(", ")}`);
  }
  return missing;
}

/** A port free on 127.0.0.1 for both TCP and UDP (named serves both). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const s = createServer();
      s.once("error", reject);
      s.listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const u = createSocket("udp4");
      u.once("error", () => resolve(false));
      u.bind(port, "127.0.0.1", () => u.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
  throw new Error("no free port on 127.0.0.1");
}

export interface NamedServer {
  stop: () => Promise<void>;
}

/**
 * A real `named` serving the given zone files on 127.0.0.1:port, authoritative only; resolves once
 * it answers the first zone's SOA. Zone transfers (AXFR): only with the key of `tsigKeyFile` (a
 * `tsig-keygen` key file), or from 127.0.0.1 with `transferToLoopback`. The one way every BIND test
 * starts a server.
 */
export async function startNamed(work: string, port: number, zones: { name: string; file: string }[], o: { tsigKeyFile?: string; transferToLoopback?: boolean } = {}): Promise<NamedServer> {
  const { spawn } = await import("node:child_process");
  const { readFileSync, writeFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const keyName = o.tsigKeyFile ? /key\s+"([^"]+)"/.exec(readFileSync(o.tsigKeyFile, "utf8"))?.[1] : undefined;
  if (o.tsigKeyFile && !keyName) throw new Error(`no key in ${o.tsigKeyFile}`);
  writeFileSync(
    join(work, "named.conf"),
    `${o.tsigKeyFile ? `include "${o.tsigKeyFile}";\n` : ""}options {
  directory "${work}";
  pid-file "${work}/named.pid";
  session-keyfile "${work}/session.key";
  managed-keys-directory "${work}";
  listen-on port ${port} { 127.0.0.1; };
  listen-on-v6 { none; };
  recursion no;
  dnssec-validation no;
${keyName ? `  allow-transfer { key ${keyName}; };\n` : o.transferToLoopback ? "  allow-transfer { 127.0.0.1; };\n" : ""}  notify no;
};
controls { };
${zones.map((z) => `zone "${z.name}" { type primary; file "${z.file}"; };`).join("\n")}
`,
  );
  const named = spawn("named", ["-g", "-c", join(work, "named.conf"), "-n", "1"], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  named.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const stop = async () => {
    if (named.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => named.once("exit", () => resolve()));
    named.kill("SIGTERM");
    await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 5_000))]);
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    const r = spawnSync("dig", ["@127.0.0.1", "-p", String(port), "+short", "+time=1", "+tries=1", zones[0]!.name, "SOA"], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return { stop };
    if (named.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`named did not start:\n${log}`);
    }
    await new Promise((res) => setTimeout(res, 200));
  }
}
