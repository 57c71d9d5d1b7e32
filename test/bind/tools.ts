// External programs the BIND tests need. Missing ones are reported loudly; under CI=true the
// test fails instead of skipping, so a CI machine without BIND can never pass silently.
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { createSocket } from "node:dgram";
import { randomBytes } from "node:crypto";

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

/**
 * Holds `port` for this process, against every other test process on the machine that asks the
 * same way: an abstract Unix socket named for the port (Linux) is bound once at a time, and the
 * kernel frees it when its process ends, so a crashed test never leaves a stale hold behind. null
 * when someone else holds it. Written by hand: lock-file libraries need a stale-lock timeout, this
 * needs none.
 */
export async function reservePort(port: number): Promise<{ release: () => void } | null> {
  return new Promise((resolve) => {
    const hold = createServer();
    hold.once("error", () => resolve(null));
    hold.listen(`\0subdomain-gitops-test-port-${port}`, () => {
      hold.unref();
      resolve({ release: () => hold.close() });
    });
  });
}

/**
 * A port free on 127.0.0.1 for both TCP and UDP (named serves both), reserved for this process
 * (see reservePort) until `release`, so no other test file's server is started on it meanwhile.
 */
async function reserveFreePort(): Promise<{ port: number; release: () => void }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const s = createServer();
      s.once("error", reject);
      s.listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const held = await reservePort(port);
    if (!held) continue;
    const udpFree = await new Promise<boolean>((resolve) => {
      const u = createSocket("udp4");
      u.once("error", () => resolve(false));
      u.bind(port, "127.0.0.1", () => u.close(() => resolve(true)));
    });
    if (udpFree) return { port, release: held.release };
    held.release();
  }
  throw new Error("no free port on 127.0.0.1");
}

/** A free port that stays reserved for this process until it ends (a port nothing may answer on). */
export async function freePort(): Promise<number> {
  return (await reserveFreePort()).port;
}

export interface NamedServer {
  /** The port on 127.0.0.1 this named owns (UDP and TCP). */
  port: number;
  stop: () => Promise<void>;
}

type NamedOptions = {
  tsigKeyFile?: string;
  transferToLoopback?: boolean;
  /** The port to try first, as it is, without reserving it (a test of the retry gives one already taken). */
  firstPort?: number;
};

/**
 * A real `named` serving the given zone files on 127.0.0.1, authoritative only, on a port of its
 * own. Zone transfers (AXFR): only with the key of `tsigKeyFile` (a `tsig-keygen` key file), or from
 * 127.0.0.1 with `transferToLoopback`. The one way every BIND test starts a server.
 *
 * Test files run side by side, and named sets SO_REUSEPORT: a second named on a port another one
 * serves binds as well, and the kernel shares the queries between the two, so one test's queries
 * reach another test's server. Two guards:
 * - every port is reserved for this process before its named starts, and stays so until `stop`
 *   (reservePort): no other test process starts a server on it, not even for the moment it takes
 *   to find out;
 * - ready means this named's own log says it is running, and every one of several queries for a
 *   zone of its own name (`instance`), over UDP from different source ports and over TCP, is
 *   answered by it. Otherwise the port is shared with a server that did not reserve it: this named
 *   stops and tries again on another port.
 */
export async function startNamed(work: string, zones: { name: string; file: string }[], o: NamedOptions = {}): Promise<NamedServer> {
  let last = "";
  for (let attempt = 0; attempt < 5; attempt++) {
    const { port, release } = attempt === 0 && o.firstPort ? { port: o.firstPort, release: () => {} } : await reserveFreePort();
    const started = await startNamedOn(work, port, zones, o);
    if ("stop" in started) {
      return {
        port,
        stop: async () => {
          await started.stop();
          release();
        },
      };
    }
    release();
    last = started.log;
    if (!started.portTaken) break;
  }
  throw new Error(`named did not start:\n${last}`);
}

/**
 * Asks 8 UDP (each from its own source port) and 2 TCP queries for `instance`, then the first
 * zone's SOA: "shared" unless every instance query is answered with authority, "ready" if the zone
 * is answered too.
 */
function ownAnswers(port: number, instance: string, zone: string): "ready" | "shared" | "zone missing" {
  const query = (tcp: boolean, name = instance) => [tcp ? "+tcp" : "+notcp", name, "SOA"];
  const queries = [...Array.from({ length: 8 }, () => query(false)), query(true), query(true), query(false, zone)];
  const out = spawnSync("dig", ["@127.0.0.1", "-p", String(port), "+norec", "+time=1", "+tries=1", "+noall", "+comments", ...queries.flat()], { encoding: "utf8" }).stdout ?? "";
  const answered = [...out.matchAll(/status: (\w+).*\n;; flags: ([^;]*);/g)].map((m) => m[1] === "NOERROR" && /\baa\b/.test(m[2]!));
  if (answered.length !== queries.length || answered.slice(0, -1).some((a) => !a)) return "shared";
  return answered.at(-1) ? "ready" : "zone missing";
}

async function startNamedOn(work: string, port: number, zones: { name: string; file: string }[], o: NamedOptions): Promise<NamedServer | { log: string; portTaken: boolean }> {
  const { spawn } = await import("node:child_process");
  const { readFileSync, writeFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const keyName = o.tsigKeyFile ? /key\s+"([^"]+)"/.exec(readFileSync(o.tsigKeyFile, "utf8"))?.[1] : undefined;
  if (o.tsigKeyFile && !keyName) throw new Error(`no key in ${o.tsigKeyFile}`);
  const instance = `i${randomBytes(6).toString("hex")}.startnamed.test`;
  writeFileSync(join(work, "instance.db"), `$TTL 60\n@ SOA ns1 hostmaster 1 3600 900 1209600 60\n@ NS ns1\nns1 A 127.0.0.1\n`);
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
${[...zones, { name: instance, file: join(work, "instance.db") }].map((z) => `zone "${z.name}" { type primary; file "${z.file}"; };`).join("\n")}
`,
  );
  const named = spawn("named", ["-g", "-c", join(work, "named.conf"), "-n", "1"], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  named.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const stop = async () => {
    if (named.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => named.once("exit", () => resolve()));
    named.kill("SIGTERM");
    const late = setTimeout(() => named.kill("SIGKILL"), 5_000); // its port is released only once it is gone
    await exited;
    clearTimeout(late);
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (named.exitCode === null && /\brunning\b/.test(log)) {
      const answers = ownAnswers(port, instance, zones[0]!.name);
      if (answers === "ready" && named.exitCode === null) return { port, stop };
      await stop();
      if (answers === "shared") return { log: `${log}\n(port ${port} is shared with another server)`, portTaken: true };
      return { log: `${log}\n(${zones[0]!.name} is not served)`, portTaken: false };
    }
    if (named.exitCode !== null || Date.now() > deadline) {
      await stop();
      // A port held by a program without SO_REUSEPORT makes named exit: "unable to listen".
      return { log, portTaken: /address in use|unable to listen/i.test(log) };
    }
    await new Promise((res) => setTimeout(res, 100));
  }
}
