// What a deploying machine must have before Pulumi is started, checked up front so that the
// operator reads one list of everything missing (in Indonesian or English) instead of the first
// failure from deep inside the Pulumi CLI. Reads only the environment and files it is given.
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { parse } from "yaml";
import type { Message } from "../diagnostics/diagnostic.ts";
import { EXIT, type ExitCode } from "./exit-codes.ts";
import { CONFIG_NAMESPACE, parseStackSettings, SettingsError, type StackSettings } from "./settings.ts";

export interface Problem {
  code: ExitCode;
  message: Message;
}

export interface PreflightInput {
  root: string;
  stack: string;
  env: NodeJS.ProcessEnv;
  home: string;
  /** Kubernetes credentials are needed only when some tenant is to be deployed. */
  hasTenants: boolean;
}

export interface PreflightResult {
  problems: Problem[];
  settings?: StackSettings;
  stackFile: string;
}

/** The first executable `name` on PATH, or undefined. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** `org/project/staging` -> `staging`: the stack file is named after the last part only. */
export function stackFileName(stack: string): string {
  return `Pulumi.${stack.split("/").pop()}.yaml`;
}

type StackFile = { config?: Record<string, unknown>; encryptionsalt?: string; secretsprovider?: string };

function readYaml<T>(path: string): T | undefined {
  try {
    return (parse(readFileSync(path, "utf8")) ?? {}) as T;
  } catch {
    return undefined;
  }
}

function settingsOfStackFile(file: StackFile): StackSettings {
  const config = file.config ?? {};
  const get = (key: string) => config[`${CONFIG_NAMESPACE}:${key}`];
  return parseStackSettings({
    zones: get("zones"),
    ingress: get("ingress"),
    cluster: get("cluster"),
    ...(get("recordTags") === undefined ? {} : { recordTags: get("recordTags") }),
  });
}

/**
 * The settings of `stacks/Pulumi.<stack>.yaml`, for commands that want the same cluster settings
 * as the deployment (e.g. the offline manifests of `npm run plan`). Throws SettingsError.
 */
export function readStackSettings(root: string, stack: string): StackSettings {
  const path = join(root, "stacks", stackFileName(stack));
  const file = readYaml<StackFile>(path);
  if (!file) throw new SettingsError(`${path}: tidak ada atau bukan YAML yang sah / missing or not valid YAML`);
  return settingsOfStackFile(file);
}

function backendOf(input: PreflightInput): string | undefined {
  if (input.env.PULUMI_BACKEND_URL) return input.env.PULUMI_BACKEND_URL;
  const project = readYaml<{ backend?: { url?: string } }>(join(input.root, "Pulumi.yaml"));
  if (project?.backend?.url) return project.backend.url;
  const home = input.env.PULUMI_HOME ?? join(input.home, ".pulumi");
  const creds = readYaml<{ current?: string }>(join(home, "credentials.json"));
  if (creds?.current) return creds.current;
  if (input.env.PULUMI_ACCESS_TOKEN) return "https://api.pulumi.com";
  return undefined;
}

export function preflight(input: PreflightInput): PreflightResult {
  const problems: Problem[] = [];
  const { env } = input;
  const stackFile = join("stacks", stackFileName(input.stack));

  if (!findOnPath("pulumi", env)) {
    problems.push({
      code: EXIT.noCli,
      message: {
        id: "Pulumi CLI tidak ditemukan di PATH. Pasang dari https://www.pulumi.com/docs/install/ (versi 3.x) pada mesin penerap, lalu ulangi.",
        en: "The Pulumi CLI is not on PATH. Install it from https://www.pulumi.com/docs/install/ (3.x) on the deploying machine, then retry.",
      },
    });
  }

  const file = readYaml<StackFile>(join(input.root, stackFile));
  let settings: StackSettings | undefined;
  if (!existsSync(join(input.root, stackFile)) || !file) {
    problems.push({
      code: EXIT.config,
      message: { id: `Berkas stack ${stackFile} tidak ada atau bukan YAML yang sah.`, en: `Stack file ${stackFile} is missing or not valid YAML.` },
    });
  } else {
    try {
      settings = settingsOfStackFile(file);
    } catch (e) {
      if (!(e instanceof SettingsError)) throw e;
      const text = `${stackFile}: ${e.message.replace(/\n\s*/g, "\n      ")}`;
      problems.push({ code: EXIT.config, message: { id: text, en: text } });
    }
  }

  const backend = backendOf(input);
  if (!backend) {
    problems.push({
      code: EXIT.credentials,
      message: {
        id: "Belum masuk ke backend state Pulumi: jalankan `pulumi login s3://<bucket>?endpoint=...` (penyimpanan milik pemda) atau setel PULUMI_BACKEND_URL; untuk Pulumi Cloud setel PULUMI_ACCESS_TOKEN.",
        en: "Not logged in to a Pulumi state backend: run `pulumi login s3://<bucket>?endpoint=...` (the government's own storage) or set PULUMI_BACKEND_URL; for Pulumi Cloud set PULUMI_ACCESS_TOKEN.",
      },
    });
  }

  const provider = file?.secretsprovider ?? "";
  const cloudBackend = backend?.startsWith("https://api.pulumi.com") ?? false;
  const usesPassphrase = file?.encryptionsalt !== undefined || provider === "passphrase" || (provider === "" && !cloudBackend);
  if (usesPassphrase && !env.PULUMI_CONFIG_PASSPHRASE && !env.PULUMI_CONFIG_PASSPHRASE_FILE) {
    problems.push({
      code: EXIT.credentials,
      message: {
        id: "Stack memakai penyedia rahasia passphrase, tetapi PULUMI_CONFIG_PASSPHRASE (atau PULUMI_CONFIG_PASSPHRASE_FILE) belum disetel.",
        en: "The stack uses the passphrase secrets provider, but PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) is not set.",
      },
    });
  }

  const cfg = file?.config ?? {};
  if (!env.CLOUDFLARE_API_TOKEN && cfg["cloudflare:apiToken"] === undefined && !(env.CLOUDFLARE_API_KEY && env.CLOUDFLARE_EMAIL)) {
    problems.push({
      code: EXIT.credentials,
      message: {
        id: "Token API Cloudflare tidak ada: setel CLOUDFLARE_API_TOKEN atau `pulumi config set --secret cloudflare:apiToken` (izin Zone.DNS Edit untuk zona yang dikelola saja).",
        en: "No Cloudflare API token: set CLOUDFLARE_API_TOKEN or `pulumi config set --secret cloudflare:apiToken` (permission Zone.DNS Edit on the managed zones only).",
      },
    });
  }

  if (input.hasTenants) {
    const kubeconfig = env.KUBECONFIG?.split(delimiter).some((p) => p && existsSync(p)) || existsSync(join(input.home, ".kube", "config"));
    if (!kubeconfig && cfg["kubernetes:kubeconfig"] === undefined && !env.KUBERNETES_SERVICE_HOST) {
      problems.push({
        code: EXIT.credentials,
        message: {
          id: "Kredensial klaster Kubernetes tidak ada: setel KUBECONFIG, sediakan ~/.kube/config, atau `pulumi config set --secret kubernetes:kubeconfig`.",
          en: "No Kubernetes cluster credentials: set KUBECONFIG, provide ~/.kube/config, or `pulumi config set --secret kubernetes:kubeconfig`.",
        },
      });
    }
  }
  return { problems, stackFile, ...(settings ? { settings } : {}) };
}

/** The exit code for a list of problems: a missing CLI first, then configuration, then credentials. */
export function exitCodeOf(problems: readonly Problem[]): ExitCode {
  for (const code of [EXIT.noCli, EXIT.config, EXIT.credentials]) if (problems.some((p) => p.code === code)) return code;
  return problems[0]?.code ?? EXIT.ok;
}
