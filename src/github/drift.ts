// A scheduled check's findings reported as one labelled issue: opened when a difference appears,
// updated while it lasts, closed when it is gone. Two checks use it: `npm run drift` (Pulumi's
// view, label `drift`) and `npm run verify-dns` (the authoritative servers' answers, label
// `dns-berbeda`), each with its own issue.
import { syncLabels } from "./labels.ts";
import type { GitHub, RepoRef } from "./octokit.ts";

export interface CheckIssue {
  label: string;
  title: string;
  /** Opening sentence of the body, before the optional log link. */
  found: string;
  /** Comment when the difference is gone, before the optional log link. */
  cleared: string;
  /** The report is plain text to fence (drift), or Markdown already escaped (verify-dns). */
  markdown: boolean;
}

export const DRIFT_LABEL = "drift";
export const DRIFT_TITLE = "Drift: isi Cloudflare/Kubernetes berbeda dari repositori";

export const DRIFT_ISSUE: CheckIssue = {
  label: DRIFT_LABEL,
  title: DRIFT_TITLE,
  found: "Pemeriksaan terjadwal menemukan perbedaan antara repositori dan yang terpasang",
  cleared: "Pemeriksaan terbaru tidak menemukan drift lagi",
  markdown: false,
};

export const DNS_ISSUE: CheckIssue = {
  label: "dns-berbeda",
  title: "DNS: jawaban server otoritatif berbeda dari repositori",
  found: "Pemeriksaan terjadwal `npm run verify-dns` menemukan rekaman yang tidak ada, berbeda atau lebih di server otoritatif",
  cleared: "Pemeriksaan terbaru: jawaban server otoritatif sama dengan repositori",
  markdown: true,
};

export async function reportDrift(
  gh: GitHub,
  ref: RepoRef,
  o: { drifted: boolean; report: string; runUrl?: string; kind?: CheckIssue },
): Promise<{ action: "opened" | "updated" | "unchanged" | "closed" | "none"; issue?: number }> {
  const kind = o.kind ?? DRIFT_ISSUE;
  const open = (await gh.paginate(gh.rest.issues.listForRepo, { ...ref, labels: kind.label, state: "open", per_page: 100 })).filter((i) => !i.pull_request);
  const existing = open.sort((a, b) => a.number - b.number)[0];
  const log = o.runUrl ? ` ([log](${o.runUrl}))` : "";
  const report = o.report.slice(0, 60_000);
  const body = `${kind.found}${log}. Tinjau lalu jalankan penyediaan ulang atau perbaiki berkas.\n\n${kind.markdown ? report : `\`\`\`\n${report}\n\`\`\``}\n`;
  if (!o.drifted) {
    if (!existing) return { action: "none" };
    await gh.rest.issues.createComment({ ...ref, issue_number: existing.number, body: `${kind.cleared}${log}; isu ditutup.` });
    await gh.rest.issues.update({ ...ref, issue_number: existing.number, state: "closed", state_reason: "completed" });
    return { action: "closed", issue: existing.number };
  }
  if (!existing) {
    const { data } = await gh.rest.issues.create({ ...ref, title: kind.title, body });
    await syncLabels(gh, ref, data.number, [kind.label], (l) => l === kind.label);
    return { action: "opened", issue: data.number };
  }
  if (existing.body === body) return { action: "unchanged", issue: existing.number };
  await gh.rest.issues.update({ ...ref, issue_number: existing.number, body });
  return { action: "updated", issue: existing.number };
}
