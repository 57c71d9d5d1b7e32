// The timeline of one pull request, as the service-time report reads it. It is filled either by
// the GitHub adapter (src/report/github.ts) or read from a JSON file (`--input`), so the format is
// a zod schema: bad input gives a clear message, never a crash.
import { z } from "zod";

const At = z.iso.datetime({ offset: true }).meta({ description: "ISO 8601 instant, e.g. 2026-03-02T08:15:00+07:00" });
const Login = z.string().min(1).max(39);

export const TimelineEvent = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("opened"), at: At, actor: Login }),
  /** A draft marked ready: the clock starts here when it is later than `opened`. */
  z.strictObject({ type: z.literal("ready_for_review"), at: At, actor: Login }),
  z.strictObject({
    type: z.literal("review"),
    at: At,
    actor: Login,
    state: z.enum(["approved", "changes_requested", "commented"]),
    /** The disposition step this review counts for, when the source already knows it. */
    step: z.string().optional(),
  }),
  z.strictObject({ type: z.literal("push"), at: At, actor: Login, sha: z.string().optional() }),
  z.strictObject({ type: z.literal("merged"), at: At, actor: Login, sha: z.string().optional() }),
  z.strictObject({
    type: z.literal("deployed"),
    at: At,
    state: z.enum(["success", "failure"]),
    sha: z.string().optional(),
    environment: z.string().optional(),
  }),
  z.strictObject({ type: z.literal("closed"), at: At, actor: Login }),
  /** The reminder job reminded a waiting step, or told the step above (src/disposition/reminders.ts). */
  z.strictObject({ type: z.literal("reminder"), at: At, step: z.string(), kind: z.enum(["reminder", "escalation"]) }),
]);

export const Timeline = z.strictObject({
  pull: z.int().min(1),
  title: z.string(),
  url: z.string().optional(),
  author: Login,
  /** The request files the pull request touches, e.g. requests/dinkes/sehat.yaml. */
  files: z.array(z.string()).optional(),
  /** True when the change deletes hosting: governance's destructive step is added to the chain. */
  destructive: z.boolean().optional(),
  /** The base commit: the pull request is judged by governance.yaml as it was there. */
  base: z.string().regex(/^[0-9a-f]{40}$/).optional(),
  /** before-merge (the request, default) or after-deployment (its reply letter). */
  phase: z.enum(["before-merge", "after-deployment"]).optional(),
  /** For a reply-letter pull request: the request pull request it answers. */
  source: z.int().min(1).optional(),
  /** Closed by a decision step's rejection (label `ditolak`). */
  rejected: z.boolean().optional(),
  events: z.array(TimelineEvent),
});

export const TimelineFile = z.strictObject({
  repository: z.string().optional(),
  /** Team slug (org/team) -> member logins, used to attribute reviews to steps. */
  teams: z.record(z.string(), z.array(Login)).optional(),
  timelines: z.array(Timeline),
});

export type TimelineEvent = z.infer<typeof TimelineEvent>;
export type Timeline = z.infer<typeof Timeline>;
export type TimelineFile = z.infer<typeof TimelineFile>;
