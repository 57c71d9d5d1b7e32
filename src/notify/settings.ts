// SMTP settings from the environment (GitHub Actions secrets): SMTP_HOST, SMTP_PORT, SMTP_USER,
// SMTP_PASSWORD, SMTP_FROM, SMTP_SECURE. Validated here so a missing secret is one clear line.

export interface SmtpSettings {
  host: string;
  port: number;
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  /** "Diskominfo Kabupaten Contoh <noreply@contohkab.go.id>" or a bare address. */
  from: string;
}

export type SettingsResult = { ok: true; settings: SmtpSettings } | { ok: false; problems: Array<{ id: string; en: string }> };

export function smtpSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SettingsResult {
  const problems: Array<{ id: string; en: string }> = [];
  const host = env.SMTP_HOST?.trim();
  const from = env.SMTP_FROM?.trim();
  if (!host) problems.push({ id: "SMTP_HOST belum diisi.", en: "SMTP_HOST is not set." });
  if (!from) problems.push({ id: "SMTP_FROM belum diisi.", en: "SMTP_FROM is not set." });
  else if (!/[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+/.test(from)) problems.push({ id: `SMTP_FROM bukan alamat e-mail: ${from}`, en: `SMTP_FROM is not an e-mail address: ${from}` });
  const secureText = (env.SMTP_SECURE ?? "").trim().toLowerCase();
  if (secureText && !["true", "false", "1", "0"].includes(secureText))
    problems.push({ id: "SMTP_SECURE harus true atau false.", en: "SMTP_SECURE must be true or false." });
  const secure = secureText === "true" || secureText === "1";
  const portText = (env.SMTP_PORT ?? "").trim();
  const port = portText ? Number(portText) : secure ? 465 : 587;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) problems.push({ id: `SMTP_PORT tidak sah: ${portText}`, en: `SMTP_PORT is not valid: ${portText}` });
  if (env.SMTP_USER && !env.SMTP_PASSWORD) problems.push({ id: "SMTP_USER diisi tetapi SMTP_PASSWORD kosong.", en: "SMTP_USER is set but SMTP_PASSWORD is empty." });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    settings: {
      host: host!,
      port,
      secure,
      from: from!,
      ...(env.SMTP_USER ? { user: env.SMTP_USER, password: env.SMTP_PASSWORD ?? "" } : {}),
    },
  };
}

/** Values that must never appear in a message: passwords and tokens from the environment. */
export function secretValues(env: NodeJS.ProcessEnv = process.env): string[] {
  const names = Object.keys(env).filter((k) => /PASSWORD|TOKEN|SECRET|PRIVATE_KEY|API_KEY/i.test(k));
  return names.map((k) => env[k] ?? "").filter((v) => v.length >= 6);
}
