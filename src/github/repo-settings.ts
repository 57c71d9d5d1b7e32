// The repository settings the product relies on, in one place: `npm run setup-github` applies and
// checks them, and the README's "Pengaturan repositori" names the same values. Labels come from the
// modules that use them; rulesets and environments from the guarantees in README and DESIGN
// (statuses from the App, strict up to date, bot-only request branches, secrets only on main).
import { AUDIT_LABEL, CRITICAL_LABEL, SUSPENSION_LABEL } from "./audit-issues.ts";
import { DRIFT_LABEL } from "./drift.ts";
import { NEEDS_FIX_LABEL } from "./intake.ts";
import { colorOf } from "./labels.ts";
import { DEPLOY_FAILED_LABEL } from "./notify.ts";
import { FORM_LABELS } from "../forms/fields.ts";

/** Commit statuses the bot (the GitHub App) sets; the main ruleset requires them. */
export const REQUIRED_STATUSES = ["validasi", "kepemilikan", "disposisi"] as const;

/** Environments whose secrets only workflows on main may read. */
export const ENVIRONMENTS = ["github-bot", "production", "production-read", "laporan"] as const;
export const ENVIRONMENT_BRANCH = "main";

export const MAIN_RULESET = "main";
export const BOT_RULESET = "permohonan-bot";
export const BOT_BRANCHES = ["permohonan/*", "surat/*"] as const;

/** Repository labels (opd:* and jenis:* are created on demand by the bot and are not listed). */
export function desiredLabels(): { name: string; color: string }[] {
  const names = [...Object.values(FORM_LABELS), NEEDS_FIX_LABEL, "destruktif", DEPLOY_FAILED_LABEL, DRIFT_LABEL, AUDIT_LABEL, CRITICAL_LABEL, SUSPENSION_LABEL];
  return names.map((name) => ({ name, color: colorOf(name) }));
}

export interface RulesetSpec {
  name: string;
  target: "branch";
  enforcement: "active";
  conditions: { ref_name: { include: string[]; exclude: string[] } };
  rules: { type: string; parameters?: Record<string, unknown> }[];
  bypass_actors: { actor_id: number; actor_type: "Integration"; bypass_mode: "always" }[];
}

/** The two rulesets; `appId` is the GitHub App's id (status source and the only bypass actor). */
export function desiredRulesets(appId: number): RulesetSpec[] {
  return [
    {
      name: MAIN_RULESET,
      target: "branch",
      enforcement: "active",
      conditions: { ref_name: { include: ["~DEFAULT_BRANCH"], exclude: [] } },
      rules: [
        { type: "deletion" },
        { type: "non_fast_forward" },
        {
          type: "pull_request",
          parameters: { required_approving_review_count: 1, dismiss_stale_reviews_on_push: true, require_code_owner_review: true, require_last_push_approval: true, required_review_thread_resolution: false },
        },
        {
          type: "required_status_checks",
          parameters: { strict_required_status_checks_policy: true, required_status_checks: REQUIRED_STATUSES.map((context) => ({ context, integration_id: appId })) },
        },
      ],
      bypass_actors: [],
    },
    {
      name: BOT_RULESET,
      target: "branch",
      enforcement: "active",
      conditions: { ref_name: { include: BOT_BRANCHES.map((b) => `refs/heads/${b}`), exclude: [] } },
      rules: [{ type: "creation" }, { type: "update" }, { type: "deletion" }, { type: "non_fast_forward" }],
      bypass_actors: [{ actor_id: appId, actor_type: "Integration", bypass_mode: "always" }],
    },
  ];
}
