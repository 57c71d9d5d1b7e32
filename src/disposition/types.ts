// Inputs and outputs of the disposition evaluation. Plain data read from GitHub by the adapter
// (src/github/disposition.ts); the evaluation itself never talks to GitHub.
import type { Message } from "../diagnostics/diagnostic.ts";
import type { Governance, Step } from "../model/governance.ts";

export type ReviewState = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";

export interface Review {
  id: number;
  /** GitHub login of the reviewer. */
  user: string;
  state: ReviewState;
  /** ISO 8601 instant. */
  submittedAt: string;
  /** The head commit the review was made on. */
  commitId: string;
  body?: string;
}

/** A commit of the pull request, oldest first; `at` is when it reached the pull request. */
export interface Commit {
  sha: string;
  at: string;
}

/** Working-time arithmetic, injected so the evaluation stays pure (see work-clock.ts). */
export interface WorkClock {
  /** Working minutes between two instants (0 when end <= start). */
  minutesBetween(start: Date, end: Date): number;
  /** A standard time (`30m`, `1h`, `1d`) in working minutes, for a step starting at `start` (a day's length varies). */
  standardMinutes(standardTime: string, start: Date): number;
}

export interface DispositionInput {
  rules: Governance["disposition"];
  /** The person the request is for: the PR author, or the issue author for intake PRs. */
  applicant: string;
  /** The PR author (the intake bot for intake PRs). */
  author: string;
  /** Others whose commits are on the pull request: like the author, they cannot approve it. */
  contributors?: readonly string[];
  headSha: string;
  /**
   * Earlier commits of the pull request whose own changes are byte for byte those of the head
   * (the head only merged the base in): approvals on them are not stale. Read by the adapter.
   */
  sameChangesAs?: readonly string[];
  commits: readonly Commit[];
  reviews: readonly Review[];
  /** Members of each team named by the steps, by `org/slug`. */
  members: Readonly<Record<string, readonly string[]>>;
  /** The plan deletes something: governance's destructiveStep is added. */
  destructive: boolean;
  /** When the pull request was opened. */
  openedAt: string;
  clock: WorkClock;
  /** Governance's time zone: an acting appointment's dates are whole days there. Default UTC. */
  timeZone?: string;
}

export type StepStatus = "approved" | "waiting" | "not-started";

export interface StepOutcome {
  id: string;
  role: string;
  /** 1-based position in the chain. */
  position: number;
  standardTime: string;
  /** Who may approve the step, from governance: shown while the step waits. */
  team?: string;
  users?: string[];
  /** Undefined while the step has not started (a working day's length depends on the day). */
  standardMinutes?: number;
  status: StepStatus;
  /** When the step could start (the previous step's approval, or the start of the request). */
  startedAt?: string;
  approver?: string;
  approvedAt?: string;
  /** Working minutes from start to approval. */
  elapsedMinutes?: number;
  overdue?: boolean;
  /** What the step does, in Indonesian (see phases.ts taskOf). */
  task?: string;
  /** "Plt.", "Plh." or "a.n." when the approver approved as an acting official (inside the appointment's dates). */
  acting?: string;
}

export type IgnoredReason = "applicant" | "not-member" | "acting-outside-dates" | "stale" | "out-of-order" | "redundant";

/** An approval that did not count, and why: shown so nobody wonders where their approval went. */
export interface IgnoredApproval {
  user: string;
  at: string;
  reason: IgnoredReason;
}

export interface Returned {
  user: string;
  /** Roles of the chain the reviewer belongs to. */
  roles: string[];
  at: string;
  body?: string;
}

export type DispositionState = "success" | "pending" | "failure";

export interface DispositionResult {
  state: DispositionState;
  /** Commit status description, at most 140 characters. */
  description: Message;
  steps: StepOutcome[];
  returned?: Returned;
  ignored: IgnoredApproval[];
  /** Once every step is approved: the whole chain's working time against governance's deadline. */
  total?: { elapsedMinutes: number; deadline?: string; deadlineMinutes?: number; overdue?: boolean };
}

export type { Step };
