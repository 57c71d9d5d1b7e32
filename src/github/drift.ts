// Drift between the repository and what is deployed, reported as one issue labelled `drift`:
// opened when drift appears, updated while it lasts, closed when it is gone.
import { syncLabels } from "./labels.ts";
import type { GitHub, RepoRef } from "./octokit.ts";

export const DRIFT_LABEL = "drift";
export const DRIFT_TITLE = "Drift: isi Cloudflare/Kubernetes berbeda dari repositori";

export async function reportDrift(gh: GitHub, ref: RepoRef, o: { drifted: boolean; report: string; runUrl?: string }): Promise<{ action: "opened" | "updated" | "unchanged" | "closed" | "none"; issue?: number }> {
  const open = (await gh.paginate(gh.rest.issues.listForRepo, { ...ref, labels: DRIFT_LABEL, state: "open", per_page: 100 })).filter((i) => !i.pull_request);
  const existing = open.sort((a, b) => a.number - b.number)[0];
  const body = `Pemeriksaan terjadwal menemukan perbedaan antara repositori dan yang terpasang${o.runUrl ? ` ([log](${o.runUrl}))` : ""}. Tinjau lalu jalankan penyediaan ulang atau perbaiki berkas.\n\n\`\`\`\n${o.report.slice(0, 60_000)}\n\`\`\`\n`;
  if (!o.drifted) {
    if (!existing) return { action: "none" };
    await gh.rest.issues.createComment({ ...ref, issue_number: existing.number, body: `Pemeriksaan terbaru tidak menemukan drift lagi${o.runUrl ? ` ([log](${o.runUrl}))` : ""}; isu ditutup.` });
    await gh.rest.issues.update({ ...ref, issue_number: existing.number, state: "closed", state_reason: "completed" });
    return { action: "closed", issue: existing.number };
  }
  if (!existing) {
    const { data } = await gh.rest.issues.create({ ...ref, title: DRIFT_TITLE, body });
    await syncLabels(gh, ref, data.number, [DRIFT_LABEL], (l) => l === DRIFT_LABEL);
    return { action: "opened", issue: data.number };
  }
  if (existing.body === body) return { action: "unchanged", issue: existing.number };
  await gh.rest.issues.update({ ...ref, issue_number: existing.number, body });
  return { action: "updated", issue: existing.number };
}
