// `npm run deploy` and `npm run drift`: validate, check the machine, then drive the Pulumi CLI
// through the Automation API on this project (Pulumi.yaml, stacks/). Returns an exit code
// (exit-codes.ts); every failure becomes a message, never a stack trace.
import { homedir } from "node:os";
import type { EngineEvent, Stack } from "@pulumi/pulumi/automation/index.js";
import type { Lang } from "../diagnostics/diagnostic.ts";
import { formatText } from "../diagnostics/format.ts";
import { EXIT, type ExitCode } from "./exit-codes.ts";
import { deletesFirst, urnName, type StepInfo } from "./conflicts.ts";
import { classifyFailure } from "./failure.ts";
import { exitCodeOf, preflight } from "./preflight.ts";
import { namespacesToPrepare, RELEASE_ENV, tenantsInDeployment } from "./release.ts";
import { repositoryState } from "./state.ts";

export interface RunOptions {
  mode: "deploy" | "drift";
  root: string;
  stack: string;
  preview: boolean;
  refresh: boolean;
  lang: Lang;
  today?: string;
  env?: NodeJS.ProcessEnv;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

type OpMap = Record<string, number | undefined>;

function summary(changes: OpMap | undefined): { changed: number; text: string } {
  const entries = Object.entries(changes ?? {}).filter(([, n]) => (n ?? 0) > 0);
  const changed = entries.filter(([op]) => op !== "same").reduce((n, [, c]) => n + (c ?? 0), 0);
  return { changed, text: entries.map(([op, n]) => `${op}: ${n}`).join(", ") || "-" };
}

export async function runPulumi(o: RunOptions): Promise<ExitCode> {
  const out = o.out ?? ((t: string) => void process.stdout.write(t));
  const err = o.err ?? ((t: string) => void process.stderr.write(t));
  const say = (id: string, en: string) => out(`${o.lang === "en" ? en : id}\n`);
  const env = o.env ?? process.env;

  // 1. The repository must validate: a deployment never starts from an invalid state.
  const repo = repositoryState(o.root, o.today);
  if (!repo.ok) {
    err(formatText(repo.diagnostics, o.lang, repo.filesChecked));
    err(o.lang === "en" ? "Invalid repository: nothing deployed.\n" : "Repositori tidak sah: tidak ada yang diterapkan.\n");
    return EXIT.invalid;
  }

  // 2. The machine: CLI, stack file, backend, secrets, provider credentials. All listed at once.
  const check = preflight({ root: o.root, stack: o.stack, env, home: env.HOME ?? homedir(), hasTenants: repo.state.tenants.length > 0 });
  if (check.problems.length) {
    const what = o.mode === "drift" ? { id: "memeriksa drift", en: "check drift of" } : o.preview ? { id: "membuat pratinjau", en: "preview" } : { id: "menerapkan", en: "deploy" };
    err(o.lang === "en" ? `Cannot ${what.en} stack ${o.stack}:\n` : `Tidak dapat ${what.id} stack ${o.stack}:\n`);
    for (const p of check.problems) err(`  - ${p.message[o.lang]}\n`);
    err(o.lang === "en" ? "See the README section \"Penerapan / Deployment (Pulumi)\".\n" : "Lihat bagian README \"Penerapan / Deployment (Pulumi)\".\n");
    return exitCodeOf(check.problems);
  }

  // Loaded only now: the Automation API pulls in gRPC, a second or more of start-up.
  const { LocalWorkspace } = await import("@pulumi/pulumi/automation/index.js");
  const onOutput = (t: string) => out(t);
  const envVars: Record<string, string> = { PULUMI_SKIP_UPDATE_CHECK: "true" };
  const open = (extra: Record<string, string> = {}): Promise<Stack> =>
    LocalWorkspace.createOrSelectStack({ stackName: o.stack, workDir: o.root }, { envVars: { ...envVars, ...extra } });

  try {
    const stack = await open();
    if (o.mode === "drift") {
      const result = await stack.preview({ refresh: true, diff: true, onOutput });
      const s = summary(result.changeSummary as OpMap);
      if (s.changed > 0) {
        say(`Ada perbedaan antara infrastruktur dan repositori (${s.text}).`, `The infrastructure differs from the repository (${s.text}).`);
        return EXIT.drift;
      }
      say("Tidak ada perbedaan.", "No drift.");
      return EXIT.ok;
    }

    const marked = repo.state.tenants.filter((t) => t.releaseData).map((t) => t.namespace);
    const prepare = marked.length ? namespacesToPrepare(marked, tenantsInDeployment(await stack.exportStack())) : [];
    if (prepare.length) {
      say(
        `PERHATIAN: namespace berikut beserta datanya akan DIHAPUS (penghapusan yang disetujui, decommission.deleteData): ${prepare.join(", ")}`,
        `WARNING: these namespaces and their data will be DELETED (approved decommission, decommission.deleteData): ${prepare.join(", ")}`,
      );
    }

    const steps: StepInfo[] = [];
    const onEvent = (ev: EngineEvent) => {
      const m = ev.resourcePreEvent?.metadata;
      if (m) steps.push({ op: m.op, urn: m.urn, type: m.type });
    };
    const announceFirst = (urns: string[]) =>
      say(
        `Rekaman yang dihapus lebih dulu (CNAME tidak boleh berdampingan dengan A/AAAA/CNAME bernama sama): ${urns.map(urnName).join(", ")}`,
        `Records deleted first (a CNAME cannot sit beside an A/AAAA/CNAME of the same name): ${urns.map(urnName).join(", ")}`,
      );

    if (o.preview) {
      const result = await stack.preview({ refresh: o.refresh, diff: true, onOutput, onEvent });
      const first = deletesFirst(steps);
      if (first.length) announceFirst(first);
      say(`Ringkasan pratinjau: ${summary(result.changeSummary as OpMap).text}`, `Preview summary: ${summary(result.changeSummary as OpMap).text}`);
      return EXIT.ok;
    }

    // A silent preview finds the record deletions that must precede any update (conflicts.ts).
    await stack.preview({ refresh: o.refresh, onEvent });
    const first = deletesFirst(steps);
    if (first.length) {
      announceFirst(first);
      await stack.destroy({ target: first, onOutput });
    }
    if (prepare.length) {
      // First update: lift the retention of the released tenants (no change on the cluster).
      say(
        "Langkah 1/2: cadangan terakhir (Velero) tenant yang disetujui untuk dihapus, ditunggu sampai selesai, lalu perlindungan datanya dilepas. Bila cadangan gagal, tidak ada yang dihapus.",
        "Step 1/2: a last backup (Velero) of the tenants approved for deletion, awaited until it completes, then their retention is lifted. If the backup fails, nothing is deleted.",
      );
      const releasing = await open({ [RELEASE_ENV]: prepare.join(",") });
      await releasing.up({ refresh: o.refresh, onOutput });
      say("Langkah 2/2: menerapkan keadaan yang diinginkan.", "Step 2/2: applying the desired state.");
    }
    const result = await stack.up({ refresh: o.refresh && !prepare.length, diff: true, onOutput });
    say(`Selesai: ${summary(result.summary.resourceChanges as OpMap).text}`, `Done: ${summary(result.summary.resourceChanges as OpMap).text}`);
    return EXIT.ok;
  } catch (e) {
    const f = classifyFailure(e);
    err(`${f.message[o.lang]}\n`);
    return f.code;
  }
}
