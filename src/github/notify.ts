// After a deployment on main: tell the merged pull request and its intake issue how it went, with
// the account details of what was made; close the issue on success. A failure is commented and
// labelled, never silent. Each comment is keyed by the commit, so a rerun updates, not repeats.
import { parseYaml } from "../load/parse.ts";
import { LIMITS } from "../load/limits.ts";
import { stateFromFiles } from "../plan/base.ts";
import type { DesiredState } from "../state/types.ts";
import { checkGovernance } from "../validate/validate.ts";
import { upsertComment } from "./comments.ts";
import { readPolicyTree } from "./files.ts";
import { syncLabels } from "./labels.ts";
import { commitsSince } from "./deployments.ts";
import { letterSourceOf } from "./letter-flow.ts";
import type { GitHub, RepoRef } from "./octokit.ts";
import { intakeIssueOf } from "./ownership.ts";

export const DEPLOY_FAILED_LABEL = "deploy-gagal";
const marker = (sha: string) => `<!-- deploy: ${sha} -->`;

export interface NotifyOptions {
  sha: string;
  result: "success" | "failure";
  runUrl?: string;
  botLogin: string;
  today: string;
  /**
   * The last successfully deployed commit before this one: every pull request merged after it is
   * told (a cancelled or failed run's merges included). Absent: only the pull request of `sha`.
   */
  since?: string;
  /** governance.yaml and requests/** at `sha`; read through the API when absent. */
  files?: ReadonlyMap<string, Uint8Array>;
}

export interface NotifyOutcome {
  pullRequests: number[];
  issues: number[];
  closed: number[];
}

/** Account details of the files a pull request changed, from the deployed desired state. */
export function accountDetails(state: DesiredState, files: readonly string[], timeZoneNote = ""): string {
  const lines: string[] = [];
  for (const file of [...files].sort()) {
    const records = state.records.filter((r) => r.source.file === file);
    const tenants = state.tenants.filter((t) => t.source.file === file);
    if (!records.length && !tenants.length) {
      lines.push(`- \`${file}\`: tidak ada lagi rekaman DNS atau hosting (dihapus).`);
      continue;
    }
    lines.push(`- \`${file}\``);
    for (const r of records) {
      const values = r.values.map((v) => (typeof v === "string" ? v : Object.values(v).join(" "))).join(", ");
      lines.push(`  - DNS \`${r.name}.${r.zone}\` ${r.type} \`${values}\` (TTL ${r.ttl}${r.proxied ? ", lewat proxy" : ""})`);
    }
    for (const t of tenants)
      lines.push(
        `  - Hosting: namespace \`${t.namespace}\` untuk \`${t.host}\`, kuota CPU ${t.quota.cpu}, memori ${t.quota.memory}, penyimpanan ${t.quota.storage} (${t.quota.volumes} volume); akses \`${t.accessRole}\` untuk ${t.technicalContact.github ? `@${t.technicalContact.github} ` : ""}(${t.technicalContact.name}, ${t.technicalContact.email}).`,
      );
  }
  return lines.join("\n") + (timeZoneNote ? `\n\n${timeZoneNote}` : "");
}

export async function notifyDeployment(gh: GitHub, ref: RepoRef, o: NotifyOptions): Promise<NotifyOutcome> {
  const out: NotifyOutcome = { pullRequests: [], issues: [], closed: [] };
  const merged: Awaited<ReturnType<GitHub["rest"]["repos"]["listPullRequestsAssociatedWithCommit"]>>["data"] = [];
  for (const commit of await commitsSince(gh, ref, o.since, o.sha)) {
    const { data: prs } = await gh.rest.repos.listPullRequestsAssociatedWithCommit({ ...ref, commit_sha: commit });
    for (const p of prs) if (p.merged_at && p.merge_commit_sha === commit && !merged.some((m) => m.number === p.number)) merged.push(p);
  }
  if (!merged.length) return out;
  merged.sort((a, b) => a.number - b.number);
  const files = o.files ?? (await readPolicyTree(gh, ref, o.sha));
  const { state } = stateFromFiles(files, o.today);
  const govBytes = files.get("governance.yaml");
  const gov = govBytes ? checkGovernance(parseYaml("governance.yaml", govBytes, LIMITS.governanceBytes)).governance : undefined;
  const run = o.runUrl ? ` ([log](${o.runUrl}))` : "";
  for (const pr of merged) {
    // A merged reply-letter pull request deployed nothing of its own (see letter-flow.ts).
    if (letterSourceOf(pr.user?.login ?? "", pr.head.ref, o.botLogin) !== undefined) continue;
    const changed = (await gh.paginate(gh.rest.pulls.listFiles, { ...ref, pull_number: pr.number, per_page: 100 })).map((f) => f.filename).filter((f) => f.startsWith("requests/"));
    const body =
      o.result === "success"
        ? [
            marker(o.sha),
            `### ✅ Penyediaan selesai${run}`,
            "",
            `Perubahan dari pull request #${pr.number} sudah diterapkan (commit ${o.sha.slice(0, 7)}).`,
            "",
            accountDetails(state, changed),
            "",
            gov ? `Pertanyaan: ${gov.government.office}${gov.government.email ? `, ${gov.government.email}` : ""}.` : "",
          ].join("\n")
        : [marker(o.sha), `### ❌ Penyediaan GAGAL${run}`, "", `Perubahan dari pull request #${pr.number} (commit ${o.sha.slice(0, 7)}) belum diterapkan. Admin sedang menanganinya; tidak ada yang perlu dilakukan pemohon.`].join("\n");
    await upsertComment(gh, ref, pr.number, marker(o.sha), body);
    out.pullRequests.push(pr.number);
    if (o.result === "failure") await syncLabels(gh, ref, pr.number, [DEPLOY_FAILED_LABEL], (l) => l === DEPLOY_FAILED_LABEL);
    // The issue is trusted only from a pull request the bot itself opened from its own branch
    // (permohonan/isu-N, bot-only), never from the editable body.
    const own = pr.user?.login.toLowerCase() === o.botLogin.toLowerCase() && pr.head.repo?.full_name.toLowerCase() === `${ref.owner}/${ref.repo}`.toLowerCase();
    const issue = own ? intakeIssueOf(pr.head.ref) : undefined;
    if (issue === undefined) continue;
    await upsertComment(gh, ref, issue, marker(o.sha), body);
    out.issues.push(issue);
    if (o.result === "failure") {
      await syncLabels(gh, ref, issue, [DEPLOY_FAILED_LABEL], (l) => l === DEPLOY_FAILED_LABEL);
      continue;
    }
    await syncLabels(gh, ref, issue, [], (l) => l === DEPLOY_FAILED_LABEL);
    const { data } = await gh.rest.issues.get({ ...ref, issue_number: issue });
    if (data.state === "open") {
      await gh.rest.issues.update({ ...ref, issue_number: issue, state: "closed", state_reason: "completed" });
      out.closed.push(issue);
    }
  }
  return out;
}
