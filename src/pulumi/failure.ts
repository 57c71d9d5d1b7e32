// A failed Pulumi command -> an exit code and a message an operator can act on. The Automation API
// puts the CLI's stderr in the error message; the known cases are recognised by their text.
import type { Message } from "../diagnostics/diagnostic.ts";
import { EXIT, type ExitCode } from "./exit-codes.ts";

export interface Failure {
  code: ExitCode;
  message: Message;
}

/** The lines of stderr worth showing: errors, without the CLI's progress noise, at most eight. */
export function essentials(text: string): string {
  const lines = text
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => /error|failed|gagal|denied|refused|unauthori[sz]ed|forbidden/i.test(l))
    // Not the Automation API's wrapping ("Command failed with exit code", "err?: Error: ...") nor
    // stack frames: only what the CLI and the providers said.
    .filter((l) => !/^\s+at |Command failed with exit code|^\s*err\?:/.test(l))
    .map((l) => l.replace(/^\s*stderr:\s*/, ""));
  return [...new Set(lines)].slice(0, 8).join("\n");
}

export function classifyFailure(e: unknown): Failure {
  const text = e instanceof Error ? e.message : String(e);
  const detail = essentials(text) || text.split("\n").find((l) => l.trim()) || "";
  // The Automation API's ConcurrentUpdateError, recognised by name to keep this module light.
  if ((e instanceof Error && e.name === "ConcurrentUpdateError") || /currently locked|\[409\] Conflict|another update is currently in progress/i.test(text)) {
    return {
      code: EXIT.locked,
      message: {
        id: `Stack sedang dikunci oleh penerapan lain. Tunggu sampai selesai; bila penerapan itu sudah mati (dan hanya itu), lepaskan kuncinya dengan \`pulumi cancel --stack <nama>\`.\n${detail}`,
        en: `The stack is locked by another deployment. Wait for it to finish; if (and only if) that deployment died, release the lock with \`pulumi cancel --stack <name>\`.\n${detail}`,
      },
    };
  }
  if (/passphrase/i.test(text)) {
    return {
      code: EXIT.credentials,
      message: { id: `Passphrase rahasia stack salah atau tidak ada (PULUMI_CONFIG_PASSPHRASE).\n${detail}`, en: `The stack's secrets passphrase is wrong or missing (PULUMI_CONFIG_PASSPHRASE).\n${detail}` },
    };
  }
  if (/PULUMI_ACCESS_TOKEN|pulumi login|not logged in|NoCredentialProviders|AccessDenied|InvalidAccessKeyId|SignatureDoesNotMatch/i.test(text)) {
    return {
      code: EXIT.credentials,
      message: { id: `Tidak dapat membuka backend state Pulumi (login atau kredensial penyimpanan).\n${detail}`, en: `Cannot open the Pulumi state backend (login or storage credentials).\n${detail}` },
    };
  }
  if (/cloudflare/i.test(text) && /token|auth|10000|9109|6003|forbidden|unauthori/i.test(text)) {
    return {
      code: EXIT.credentials,
      message: { id: `Cloudflare menolak token API (periksa CLOUDFLARE_API_TOKEN dan izinnya).\n${detail}`, en: `Cloudflare refused the API token (check CLOUDFLARE_API_TOKEN and its permissions).\n${detail}` },
    };
  }
  if (/kubeconfig|configured Kubernetes cluster is unreachable|Unable to load Kubernetes client/i.test(text)) {
    return {
      code: EXIT.credentials,
      message: { id: `Klaster Kubernetes tidak dapat dihubungi dengan kubeconfig yang ada.\n${detail}`, en: `The Kubernetes cluster cannot be reached with the kubeconfig given.\n${detail}` },
    };
  }
  if (/ENOENT|command not found|Unable to find.*pulumi/i.test(text) && /pulumi/i.test(text)) {
    return { code: EXIT.noCli, message: { id: `Pulumi CLI tidak dapat dijalankan.\n${detail}`, en: `The Pulumi CLI cannot be run.\n${detail}` } };
  }
  return { code: EXIT.failed, message: { id: `Pulumi gagal:\n${detail}`, en: `Pulumi failed:\n${detail}` } };
}
