// Compares the repository's settings with repo-settings.ts and, unless only checking, makes them
// equal: labels, the two rulesets, the environments limited to main, and whether the GitHub App is
// installed. Only what the product relies on is compared; anything else an admin set (extra
// labels, environment reviewers and secrets, other rulesets) is left alone, so a second run
// changes nothing.
import type { Lang } from "../diagnostics/diagnostic.ts";
import { statusOf, type GitHub, type RepoRef } from "./octokit.ts";
import { ENVIRONMENT_BRANCH, ENVIRONMENTS, desiredLabels, desiredRulesets, type RulesetSpec } from "./repo-settings.ts";

export interface SettingDifference {
  /** What differs, one line per language. */
  id: string;
  en: string;
  /** False when the command cannot fix it (the App must be installed by an admin in the browser). */
  fixable: boolean;
}

export const differenceText = (d: SettingDifference, lang: Lang) => (lang === "en" ? d.en : d.id);

type Json = Record<string, unknown>;

/** The data, or undefined when GitHub answers 404 (or 403, a token without the scope, when `forbidden`). */
async function orUndefined<T>(p: Promise<{ data: T }>, forbidden = false): Promise<T | undefined> {
  try {
    return (await p).data;
  } catch (e) {
    if (statusOf(e) === 404 || (forbidden && statusOf(e) === 403)) return undefined;
    throw e;
  }
}

/** A ruleset reduced to what the product relies on, in a stable order, so two compare as strings. */
function canonical(r: { target?: unknown; enforcement?: unknown; conditions?: unknown; rules?: unknown; bypass_actors?: unknown }, want: RulesetSpec): Record<string, string> {
  const ref = ((r.conditions as Json | undefined)?.ref_name ?? {}) as { include?: string[]; exclude?: string[] };
  // Rules of other types an admin added (signed commits, say) are theirs and not compared.
  const rules = ((r.rules ?? []) as { type: string; parameters?: Json }[]).filter((rule) => want.rules.some((w) => w.type === rule.type)).map((rule) => {
    const keys = Object.keys(want.rules.find((w) => w.type === rule.type)?.parameters ?? {}).sort();
    const params = keys.map((k) => {
      const v = rule.parameters?.[k];
      const list = Array.isArray(v) ? [...v].map((x) => JSON.stringify({ context: (x as Json).context, integration_id: (x as Json).integration_id ?? null })).sort() : v;
      return [k, list];
    });
    return JSON.stringify([rule.type, params]);
  });
  const bypass = ((r.bypass_actors ?? []) as Json[]).map((b) => `${String(b.actor_type)}:${String(b.actor_id)}:${String(b.bypass_mode)}`);
  return {
    target: String(r.target),
    enforcement: String(r.enforcement),
    conditions: JSON.stringify([[...(ref.include ?? [])].sort(), [...(ref.exclude ?? [])].sort()]),
    rules: JSON.stringify(rules.sort()),
    bypass_actors: JSON.stringify(bypass.sort()),
  };
}

async function labels(gh: GitHub, ref: RepoRef, apply: boolean): Promise<SettingDifference[]> {
  const have = new Map((await gh.paginate(gh.rest.issues.listLabelsForRepo, { ...ref, per_page: 100 })).map((l) => [l.name, l.color.toLowerCase()]));
  const out: SettingDifference[] = [];
  for (const l of desiredLabels()) {
    const color = have.get(l.name);
    if (color === l.color) continue;
    if (color === undefined) {
      out.push({ id: `label ${l.name}: belum ada`, en: `label ${l.name}: missing`, fixable: true });
      if (apply) await gh.rest.issues.createLabel({ ...ref, name: l.name, color: l.color });
    } else {
      out.push({ id: `label ${l.name}: warna ${color}, seharusnya ${l.color}`, en: `label ${l.name}: colour ${color}, expected ${l.color}`, fixable: true });
      if (apply) await gh.rest.issues.updateLabel({ ...ref, name: l.name, color: l.color });
    }
  }
  return out;
}

async function rulesets(gh: GitHub, ref: RepoRef, appId: number, apply: boolean): Promise<SettingDifference[]> {
  const list = await gh.paginate(gh.rest.repos.getRepoRulesets, { ...ref, per_page: 100, includes_parents: false });
  const out: SettingDifference[] = [];
  for (const want of desiredRulesets(appId)) {
    const found = list.find((r) => r.name === want.name && r.source_type !== "Organization");
    const body = { ...ref, ...want } as Parameters<GitHub["rest"]["repos"]["createRepoRuleset"]>[0];
    if (!found) {
      out.push({ id: `ruleset ${want.name}: belum ada`, en: `ruleset ${want.name}: missing`, fixable: true });
      if (apply) await gh.rest.repos.createRepoRuleset(body);
      continue;
    }
    const { data: have } = await gh.rest.repos.getRepoRuleset({ ...ref, ruleset_id: found.id });
    const a = canonical(have, want);
    const b = canonical(want, want);
    const fields = Object.keys(b).filter((k) => a[k] !== b[k]);
    if (!fields.length) continue;
    out.push({ id: `ruleset ${want.name}: berbeda pada ${fields.join(", ")}`, en: `ruleset ${want.name}: differs in ${fields.join(", ")}`, fixable: true });
    const extra = (have.rules ?? []).filter((rule) => !want.rules.some((w) => w.type === rule.type));
    if (apply) await gh.rest.repos.updateRepoRuleset({ ...(body as Parameters<GitHub["rest"]["repos"]["updateRepoRuleset"]>[0] & object), ...ref, ruleset_id: found.id, rules: [...want.rules, ...extra] as never });
  }
  return out;
}

async function environments(gh: GitHub, ref: RepoRef, apply: boolean): Promise<SettingDifference[]> {
  const out: SettingDifference[] = [];
  // Listed rather than fetched one by one: GitHub documents no 404 for a missing environment.
  // One page of 100 is enough: the product's environments are created first and come first.
  const all = (await gh.rest.repos.getAllEnvironments({ ...ref, per_page: 100 })).data.environments ?? [];
  for (const name of ENVIRONMENTS) {
    const env = all.find((e) => e.name === name);
    const policy = env?.deployment_branch_policy;
    if (!env || policy?.protected_branches !== false || policy.custom_branch_policies !== true) {
      out.push(env ? { id: `environment ${name}: cabang penyebaran tidak dibatasi ke ${ENVIRONMENT_BRANCH}`, en: `environment ${name}: deployment branches not limited to ${ENVIRONMENT_BRANCH}`, fixable: true } : { id: `environment ${name}: belum ada`, en: `environment ${name}: missing`, fixable: true });
      if (apply) {
        // PUT replaces the protection rules: carry over the reviewers and wait timer an admin set.
        const rules = (env?.protection_rules ?? []) as Json[];
        const reviewers = rules.flatMap((r) => ((r.reviewers ?? []) as Json[]).map((x) => ({ type: x.type as "User" | "Team", id: Number((x.reviewer as Json | undefined)?.id) })));
        const wait = rules.find((r) => typeof r.wait_timer === "number")?.wait_timer as number | undefined;
        await gh.rest.repos.createOrUpdateEnvironment({
          ...ref,
          environment_name: name,
          deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
          ...(reviewers.length ? { reviewers } : {}),
          ...(wait !== undefined ? { wait_timer: wait } : {}),
        });
      }
    }
    // A missing environment is one difference; once created (apply), it gets its main policy.
    if (!env && !apply) continue;
    const policies = (await gh.rest.repos.listDeploymentBranchPolicies({ ...ref, environment_name: name, per_page: 100 })).data.branch_policies;
    const isMain = (p: { name?: string; type?: string }) => p.name === ENVIRONMENT_BRANCH && (p.type ?? "branch") === "branch";
    if (!policies.some(isMain)) {
      if (env) out.push({ id: `environment ${name}: kebijakan cabang ${ENVIRONMENT_BRANCH} belum ada`, en: `environment ${name}: no ${ENVIRONMENT_BRANCH} branch policy`, fixable: true });
      if (apply) await gh.rest.repos.createDeploymentBranchPolicy({ ...ref, environment_name: name, name: ENVIRONMENT_BRANCH, type: "branch" });
    }
    for (const p of policies.filter((x) => !isMain(x))) {
      out.push({ id: `environment ${name}: kebijakan ${p.type ?? "branch"} ${p.name} selain ${ENVIRONMENT_BRANCH}`, en: `environment ${name}: ${p.type ?? "branch"} policy ${p.name} besides ${ENVIRONMENT_BRANCH}`, fixable: true });
      if (apply) await gh.rest.repos.deleteDeploymentBranchPolicy({ ...ref, environment_name: name, branch_policy_id: p.id! });
    }
  }
  return out;
}

/** Whether the App is installed for the organisation, and only on selected repositories. Never writes. */
async function installation(gh: GitHub, ref: RepoRef, appId: number): Promise<SettingDifference[]> {
  const org = await orUndefined(gh.rest.orgs.listAppInstallations({ org: ref.owner, per_page: 100 }), true);
  if (!org) return [{ id: `GitHub App ${appId}: pemasangan tidak dapat diperiksa (${ref.owner} bukan organisasi atau token tanpa izin admin:read org)`, en: `GitHub App ${appId}: installation cannot be checked (${ref.owner} is not an organisation or the token lacks admin:read org)`, fixable: false }];
  const inst = org.installations.find((i) => i.app_id === appId);
  if (!inst) return [{ id: `GitHub App ${appId}: belum dipasang di ${ref.owner}; pasang dari halaman App, hanya untuk repositori ${ref.repo}`, en: `GitHub App ${appId}: not installed on ${ref.owner}; install it from the App's page for ${ref.repo} only`, fixable: false }];
  if (inst.suspended_at) return [{ id: `GitHub App ${appId}: pemasangan ditangguhkan`, en: `GitHub App ${appId}: installation suspended`, fixable: false }];
  if (inst.repository_selection === "all") return [{ id: `GitHub App ${appId}: dipasang di semua repositori; batasi ke ${ref.repo} saja`, en: `GitHub App ${appId}: installed on all repositories; limit it to ${ref.repo}`, fixable: false }];
  return [];
}

/** Every difference from the desired settings; with `apply`, the fixable ones are fixed as they are found. */
export async function setupRepository(gh: GitHub, ref: RepoRef, appId: number, apply: boolean): Promise<SettingDifference[]> {
  return [...(await labels(gh, ref, apply)), ...(await rulesets(gh, ref, appId, apply)), ...(await environments(gh, ref, apply)), ...(await installation(gh, ref, appId))];
}
