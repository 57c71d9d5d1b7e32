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
