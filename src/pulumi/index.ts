// Pulumi entry point (Pulumi.yaml `main`, run through tsx): the edge where the repository, the
// stack configuration and the environment are read. Everything it registers comes from the
// desired state, never from reading the request files itself.
import * as pulumi from "@pulumi/pulumi";
import { formatText } from "../diagnostics/format.ts";
import { buildProgram } from "./program.ts";
import { parseReleaseEnv, RELEASE_ENV } from "./release.ts";
import { CONFIG_NAMESPACE, parseStackSettings, SettingsError } from "./settings.ts";
import { repositoryState } from "./state.ts";

const repo = repositoryState(process.cwd());
if (!repo.ok) throw new pulumi.RunError(`Repositori tidak sah; tidak ada yang diterapkan / invalid repository; nothing deployed\n${formatText(repo.diagnostics, "id", repo.filesChecked)}`);

const cfg = new pulumi.Config(CONFIG_NAMESPACE);
let program;
try {
  const settings = parseStackSettings({
    zones: cfg.getObject("zones"),
    ingress: cfg.get("ingress"),
    cluster: cfg.getObject("cluster"),
    ...(cfg.get("recordTags") === undefined ? {} : { recordTags: cfg.getBoolean("recordTags") }),
  });
  program = buildProgram(repo.state, settings, { prepare: parseReleaseEnv(process.env[RELEASE_ENV]) });
} catch (e) {
  if (e instanceof SettingsError) throw new pulumi.RunError(e.message);
  throw e;
}

/** Stack outputs: what the registry and the reply letters can quote. */
export const records = program.plan.subdomains.reduce((n, s) => n + s.records.length, 0);
export const tenants = Object.fromEntries(program.plan.tenants.map((t) => [t.tenant.namespace, t.tenant.host]));
