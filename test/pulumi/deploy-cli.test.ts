// npm run deploy / drift as an operator runs them, in a child process: missing Pulumi CLI,
// missing credentials, a locked stack, an invalid repository, drift. The Pulumi CLI is not
// installable here, so a stand-in script (fake-pulumi/pulumi) plays it where a CLI is needed.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { classifyFailure, essentials } from "../../src/pulumi/failure.ts";
import { EXIT } from "../../src/pulumi/exit-codes.ts";
import { CONTOH } from "../fixtures/contoh.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const FAKE = join(ROOT, "test/pulumi/fake-pulumi");
const home = mkdtempSync(join(tmpdir(), "deploy-home-"));
const emptyDir = mkdtempSync(join(tmpdir(), "deploy-path-"));

/** A stack file with a well-formed (made-up) zone id, in a copy of the repository. */
function repoCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "deploy-repo-"));
  for (const f of ["governance.yaml", "requests", "stacks"]) cpSync(join(CONTOH, f), join(dir, f), { recursive: true });
  for (const f of ["schemas", "Pulumi.yaml"]) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  const stack = join(dir, "stacks/Pulumi.staging.yaml");
  writeFileSync(stack, readFileSync(stack, "utf8").replace(/"0{32}"/g, '"0123456789abcdef0123456789abcdef"'));
  return dir;
}

const CREDENTIALS = { PULUMI_BACKEND_URL: "file:///nonexistent", PULUMI_CONFIG_PASSPHRASE: "uji", CLOUDFLARE_API_TOKEN: "uji", KUBECONFIG: "/dev/null" };

async function run(script: "deploy" | "drift", args: string[], env: Record<string, string>, root = repoCopy()) {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, `src/cli/${script}.ts`), "--root", root, ...args], {
    cwd: ROOT,
    env: { HOME: home, ...env },
    timeout: 60_000,
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const code = await new Promise<number | null>((done) => child.on("close", done));
  // Whatever happens: a message, never a stack trace.
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  return { code, output };
}

// Each case is a separate process; running them side by side halves the wall time. A process
// takes seconds when the whole suite shares two cores, hence the generous timeout.
const SLOW = { timeout: 120_000 };

describe.concurrent("npm run deploy without what a deploying machine needs", SLOW, () => {
  it("explains, in Indonesian, that the Pulumi CLI and every credential are missing (exit 3)", async () => {
    const r = await run("deploy", ["--stack", "staging", "--preview"], { PATH: emptyDir });
    expect(r.code).toBe(EXIT.noCli);
    expect(r.output).toContain("Pulumi CLI tidak ditemukan di PATH");
    expect(r.output).toContain("PULUMI_CONFIG_PASSPHRASE");
    expect(r.output).toContain("CLOUDFLARE_API_TOKEN");
    expect(r.output).toContain("pulumi login s3://");
  });

  it("says the same in English with --lang en", async () => {
    const r = await run("deploy", ["--stack", "staging", "--preview", "--lang", "en"], { PATH: emptyDir });
    expect(r.code).toBe(EXIT.noCli);
    expect(r.output).toContain("The Pulumi CLI is not on PATH");
  });

  it("names the missing credentials when the CLI is there (exit 4)", async () => {
    const r = await run("deploy", ["--stack", "staging", "--preview"], { PATH: `${FAKE}:/usr/bin:/bin` }, repoCopy());
    expect(r.code).toBe(EXIT.credentials);
    expect(r.output).not.toContain("Pulumi CLI tidak ditemukan");
    expect(r.output).toContain("Belum masuk ke backend state Pulumi");
  });

  it("refuses an unknown stack with the name of the missing stack file (exit 6)", async () => {
    const r = await run("deploy", ["--stack", "uji-coba", "--preview"], { PATH: `${FAKE}:/usr/bin:/bin`, ...CREDENTIALS }, repoCopy());
    expect(r.code).toBe(EXIT.config);
    expect(r.output).toContain("stacks/Pulumi.uji-coba.yaml");
  });

  it("reports a locked stack as such (exit 5)", async () => {
    const fail = "error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.";
    const r = await run("deploy", ["--stack", "staging", "--preview"], { PATH: `${FAKE}:/usr/bin:/bin`, ...CREDENTIALS, FAKE_PULUMI_FAIL: fail }, repoCopy());
    expect(r.code).toBe(EXIT.locked);
    expect(r.output).toContain("Stack sedang dikunci oleh penerapan lain");
    expect(r.output).toContain("currently locked");
  });

  it("reports a wrong passphrase as a credential problem (exit 4)", async () => {
    const fail = "error: getting secrets manager: passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE environment variables";
    const r = await run("deploy", ["--stack", "staging", "--preview", "--lang", "en"], { PATH: `${FAKE}:/usr/bin:/bin`, ...CREDENTIALS, FAKE_PULUMI_FAIL: fail }, repoCopy());
    expect(r.code).toBe(EXIT.credentials);
    expect(r.output).toContain("secrets passphrase is wrong or missing");
  });

  it("previews through the Automation API and prints the summary when all is there (exit 0)", async () => {
    const log = join(mkdtempSync(join(tmpdir(), "deploy-log-")), "calls");
    const r = await run("deploy", ["--stack", "staging", "--preview"], { PATH: `${FAKE}:/usr/bin:/bin`, ...CREDENTIALS, FAKE_PULUMI_CHANGES: '{"create":4}', FAKE_PULUMI_LOG: log }, repoCopy());
    expect(r.code).toBe(EXIT.ok);
    expect(r.output).toContain("Ringkasan pratinjau: create: 4");
    const calls = readFileSync(log, "utf8");
    expect(calls).toMatch(/^preview .*--stack staging/m);
    expect(calls).not.toMatch(/^up /m);
  });

  it("deploys: conflicting records deleted first, then the two updates that release approved data", async () => {
    const log = join(mkdtempSync(join(tmpdir(), "deploy-log-")), "calls");
    const DNS = "cloudflare:index/dnsRecord:DnsRecord";
    const urn = (t: string, n: string) => `urn:pulumi:staging::subdomain-gitops::${t}::${n}`;
    const pre = (op: string, name: string) => JSON.stringify({ sequence: 1, timestamp: 0, resourcePreEvent: { metadata: { op, urn: urn(`subdomain-gitops:dns:Subdomain$${DNS}`, name), type: DNS, provider: "" } } });
    const events = [pre("delete", "contohkab.go.id/sehat/A/203.0.113.10"), pre("create", "contohkab.go.id/sehat/CNAME")].join("\n");
    const exported = JSON.stringify({ version: 3, deployment: { resources: [{ type: "subdomain-gitops:hosting:Tenant", urn: urn("subdomain-gitops:hosting:Tenant", "tenant-arsip-lama") }] } });
    const r = await run("deploy", ["--stack", "staging"], { PATH: `${FAKE}:/usr/bin:/bin`, ...CREDENTIALS, FAKE_PULUMI_EVENTS: events, FAKE_PULUMI_EXPORT: exported, FAKE_PULUMI_LOG: log }, repoCopy());
    expect(r.code).toBe(EXIT.ok);
    expect(r.output).toContain("tenant-arsip-lama");
    expect(r.output).toContain("DIHAPUS");
    const calls = readFileSync(log, "utf8").split("\n").filter((l) => /^(preview|destroy|up) /.test(l));
    expect(calls.map((l) => l.split(" ")[0])).toEqual(["preview", "destroy", "up", "up"]);
    expect(calls[1]).toContain(`--target ${urn(`subdomain-gitops:dns:Subdomain$${DNS}`, "contohkab.go.id/sehat/A/203.0.113.10")}`);
    expect(calls[2]).toContain("[release=tenant-arsip-lama]");
    expect(calls[3]).not.toContain("[release=");
  });

  it("refuses an invalid repository before touching Pulumi (exit 1), naming file and line", async () => {
    const dir = repoCopy();
    mkdirSync(join(dir, "requests/dinkes"), { recursive: true });
    const file = join(dir, "requests/dinkes/sehat.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^purpose: .*$/m, "purpose: 42\nbogus: true"));
    const r = await run("deploy", ["--stack", "staging"], { PATH: emptyDir }, dir);
    expect(r.code).toBe(EXIT.invalid);
    expect(r.output).toMatch(/requests\/dinkes\/sehat\.yaml:\d+/);
    expect(r.output).toContain("tidak ada yang diterapkan");
  });

  it("rejects a missing --stack as bad usage (exit 2)", async () => {
    const r = await run("deploy", [], { PATH: emptyDir });
    expect(r.code).toBe(EXIT.usage);
    expect(r.output).toContain("--stack");
  });
});

describe.concurrent("npm run drift", SLOW, () => {
  const env = { PATH: `${FAKE}:/usr/bin:/bin`, ...CREDENTIALS };

  it("exits 8 when the refreshed preview finds changes", async () => {
    const log = join(mkdtempSync(join(tmpdir(), "drift-log-")), "calls");
    const drift = await run("drift", ["--stack", "staging"], { ...env, FAKE_PULUMI_CHANGES: '{"same":10,"update":1}', FAKE_PULUMI_LOG: log }, repoCopy());
    expect(drift.code).toBe(EXIT.drift);
    // A preview with refresh, never an update.
    expect(readFileSync(log, "utf8")).toMatch(/^preview .*--refresh/m);
    expect(readFileSync(log, "utf8")).not.toMatch(/^(up|destroy) /m);
    expect(drift.output).toContain("Ada perbedaan antara infrastruktur dan repositori (same: 10, update: 1)");
  });

  it("exits 0 when nothing differs", async () => {
    const clean = await run("drift", ["--stack", "staging", "--lang", "en"], { ...env, FAKE_PULUMI_CHANGES: '{"same":11}' }, repoCopy());
    expect(clean.code).toBe(EXIT.ok);
    expect(clean.output).toContain("No drift.");
  });
});

describe("failure classification", () => {
  it("recognises lock, login, Cloudflare and Kubernetes failures; anything else is a failed run", () => {
    expect(classifyFailure(new Error("[409] Conflict: Another update is currently in progress.")).code).toBe(EXIT.locked);
    expect(classifyFailure(new Error("error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions")).code).toBe(EXIT.credentials);
    expect(classifyFailure(new Error("error: cloudflare: Invalid API Token (10000 Authentication error)")).code).toBe(EXIT.credentials);
    expect(classifyFailure(new Error("error: configured Kubernetes cluster is unreachable")).code).toBe(EXIT.credentials);
    const other = classifyFailure(new Error("Command failed with exit code 255: pulumi up\n stderr: error: update failed\n    at foo (x.js:1:2)"));
    expect(other.code).toBe(EXIT.failed);
    expect(other.message.en).toBe("Pulumi failed:\nerror: update failed");
    expect(essentials("ok\nerror: a\nerror: a\n    at x (y.js:1:1)")).toBe("error: a");
  });
});
