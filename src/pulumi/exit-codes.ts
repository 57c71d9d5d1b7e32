// Exit codes of `npm run deploy` and `npm run drift` (documented in the README).
export const EXIT = {
  ok: 0,
  /** The repository does not validate: nothing is deployed. */
  invalid: 1,
  usage: 2,
  /** The Pulumi CLI is not on PATH. */
  noCli: 3,
  /** Backend login, secrets passphrase, Cloudflare token or kubeconfig missing or refused. */
  credentials: 4,
  /** Another deployment holds the stack's lock. */
  locked: 5,
  /** The stack file is missing or its configuration is invalid. */
  config: 6,
  /** Pulumi or a provider failed during the preview or update. */
  failed: 7,
  /** drift only: the live infrastructure differs from the repository. */
  drift: 8,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
