// GitHub-flow benchmark: the pure parts that run on every event. (1) evaluateDisposition for
// 100 pull requests with 200 reviews and 100 commits each against governance's 5-step chain
// plus the destructive step; budget 1 s (10 ms per pull request; each event evaluates one). The
// working-time arithmetic (src/worktime) dominates: about 12 calls per pull request. (2) One intake: parse an issue form body, build the
// request and validate it with the real validator against a base of 2,000 request files (twice:
// with and without the new file, to find the problems it causes in other files), cold
// (first validation in the process, as in the one-shot intake command: schema compilation and JIT
// warm-up included); budget 2.5 s, small beside a workflow job's start-up. The network side is
// bounded by GitHub's rate limits, not measured here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { evaluateDisposition } from "../../src/disposition/evaluate.ts";
import type { Review } from "../../src/disposition/types.ts";
import { clockFor } from "../../src/disposition/work-clock.ts";
import { buildRequest } from "../../src/forms/build.ts";
import { checkIntake } from "../../src/forms/check.ts";
import { parseIssueBody } from "../../src/forms/parse.ts";
import { parseYaml } from "../../src/load/parse.ts";
import type { Governance } from "../../src/model/governance.ts";
import { issueBody, newRequestValues } from "../../test/github/issue-body.ts";
import { HOSTED } from "../../test/github/setup.ts";
import type { BenchResult, BenchSection } from "./types.ts";

const root = join(import.meta.dirname, "../..");
const govText = readFileSync(join(root, "test/fixtures/contoh/governance.yaml"), "utf8");
const governance = parse(govText) as Governance;

function disposition(): BenchResult {
  const clock = clockFor(governance);
  const members: Record<string, string[]> = {};
  for (const s of [...governance.disposition.steps, governance.disposition.destructiveStep!]) if (s.team) members[s.team] = Array.from({ length: 30 }, (_, i) => `${s.id}-${i}`);
  const teams = Object.keys(members);
  const start = Date.parse("2026-03-16T01:00:00Z");
  const inputs = Array.from({ length: 100 }, (_, n) => {
    const commits = Array.from({ length: 100 }, (_, i) => ({ sha: `c${n}-${i}`, at: new Date(start + i * 60_000).toISOString() }));
    const reviews: Review[] = Array.from({ length: 200 }, (_, i) => {
      const team = teams[i % teams.length]!;
      // Early reviews on older commits (stale), a few returns, then approvals on the head.
      const state = i % 50 === 7 ? "CHANGES_REQUESTED" : i % 5 === 0 ? "COMMENTED" : "APPROVED";
      return { id: i + 1, user: members[team]![i % 30]!, state, submittedAt: new Date(start + (i + 100) * 60_000).toISOString(), commitId: commits[i < 120 ? i % 100 : 99]!.sha };
    });
    return { rules: governance.disposition, applicant: "siti-dinkes", author: "bot[bot]", headSha: commits[99]!.sha, commits, reviews, members, destructive: n % 2 === 0, openedAt: commits[0]!.at, clock };
  });
  const t = performance.now();
  let approved = 0;
  for (const input of inputs) approved += evaluateDisposition(input).steps.filter((s) => s.status === "approved").length;
  return { label: "evaluateDisposition, 100 PR × 200 review", wallMs: performance.now() - t, budgetMs: 1000, extra: `${approved} langkah disetujui / steps approved` };
}

function intake(): BenchResult {
  const base = Array.from({ length: 2000 }, (_, i) => {
    const file = `requests/diskominfo/layanan-${i}.yaml`;
    return parseYaml(file, new TextEncoder().encode(HOSTED.replace("label: portal", `label: layanan-${i}`)));
  });
  const gov = parseYaml("governance.yaml", new TextEncoder().encode(govText));
  const body = issueBody("baru", newRequestValues("antrian"));
  const t = performance.now();
  const built = buildRequest("baru", parseIssueBody(body), governance, { read: () => undefined }, 1);
  const check = checkIntake(built.path!, built.text!, gov, base, "2026-03-16");
  return { label: "intake: formulir → berkas → validasi, dasar 2.000 berkas", wallMs: performance.now() - t, budgetMs: 2500, extra: `${check.diagnostics.length} temuan / findings` };
}

const section: BenchSection = {
  name: "Alur GitHub / GitHub flow",
  async run() {
    return [disposition(), intake()];
  },
};
export default section;
