// Checks of the governance file beyond its schema: codes unique, every step assigned to someone.
import { diagnostic, type Diagnostic, type Message } from "../diagnostics/diagnostic.ts";
import { locate, type Positions } from "../load/parse.ts";
import type { Governance } from "../model/governance.ts";
import { isPlaceholder } from "../model/placeholder.ts";
import { governanceControl, hostingDefaults, ttlBounds, zoneNames } from "./governance-strict.ts";

type GovernanceRule = (file: string, g: Governance, positions: Positions) => Diagnostic[];

const uniqueOpdCodes: GovernanceRule = (file, g, positions) => {
  const seen = new Set<string>();
  return g.opds.flatMap((o, i) => {
    if (!seen.has(o.code)) return (seen.add(o.code), []);
    return [
      diagnostic(file, locate(positions, `/opds/${i}/code`), "governance.opd-unique", "error", {
        id: `Kode OPD \`${o.code}\` ditulis lebih dari sekali.`,
        en: `OPD code \`${o.code}\` appears more than once.`,
      }),
    ];
  });
};

const stepsAssigned: GovernanceRule = (file, g, positions) => {
  const steps = g.disposition.steps.map((s, i) => ({ s, ptr: `/disposition/steps/${i}` }));
  if (g.disposition.destructiveStep) steps.push({ s: g.disposition.destructiveStep, ptr: "/disposition/destructiveStep" });
  const ids = new Set<string>();
  const out: Diagnostic[] = [];
  for (const { s, ptr } of steps) {
    if (!s.team && !(s.users && s.users.length))
      out.push(
        diagnostic(file, locate(positions, ptr), "governance.step-assignee", "error", {
          id: `Langkah \`${s.id}\` (${s.role}) belum menunjuk tim atau pengguna GitHub.`,
          en: `Step \`${s.id}\` (${s.role}) names no GitHub team or users.`,
        }),
      );
    if (ids.has(s.id))
      out.push(
        diagnostic(file, locate(positions, `${ptr}/id`), "governance.step-unique", "error", {
          id: `Id langkah \`${s.id}\` ditulis lebih dari sekali.`,
          en: `Step id \`${s.id}\` appears more than once.`,
        }),
      );
    ids.add(s.id);
  }
  return out;
};

const workingDays: GovernanceRule = (file, g, positions) =>
  Object.entries(g.workingHours.days).flatMap(([day, hours]) =>
    hours && hours[0] >= hours[1]
      ? [
          diagnostic(file, locate(positions, `/workingHours/days/${day}`), "governance.working-hours", "error", {
            id: `Jam kerja hari ${day}: jam mulai ${hours[0]} harus sebelum jam selesai ${hours[1]}.`,
            en: `Working hours on ${day}: start ${hours[0]} must be before end ${hours[1]}.`,
          }),
        ]
      : [],
  );

/** Every value `npm run adopt` marked for a person to fill in, by its place in the file. */
const placeholders: GovernanceRule = (file, g, positions) => {
  const out: Diagnostic[] = [];
  const walk = (v: unknown, ptr: string) => {
    if (typeof v === "string") {
      if (isPlaceholder(v))
        out.push(
          diagnostic(file, locate(positions, ptr), "governance.placeholder", "warning", {
            id: `${ptr.slice(1).replaceAll("/", ".")} masih berisi isian sementara (${v}): tulis nilai yang sebenarnya sebelum surat pertama dibuat.`,
            en: `${ptr.slice(1).replaceAll("/", ".")} still holds a placeholder (${v}): write the real value before the first letter goes out.`,
          }),
        );
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${ptr}/${i}`));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${ptr}/${k}`);
  };
  walk(g, "");
  return out;
};

/** The letterhead emblem's path: relative, inside the repository, PNG or JPEG (the file itself is checked by src/letter/logo.ts). */
export function logoPathProblem(path: string): Message | undefined {
  // No node:path: these rules also run in the web form's browser bundle. Absolute: "/x", "\\x", "C:x".
  if (/^([\\/]|[A-Za-z]:)/.test(path) || path.split(/[\\/]/).includes("..") || !/\.(png|jpe?g)$/i.test(path))
    return {
      id: `letters.logo \`${path}\`: tulis jalur berkas PNG atau JPEG di dalam repositori, relatif terhadap akarnya, misalnya assets/lambang.png.`,
      en: `letters.logo \`${path}\`: give the path of a PNG or JPEG file inside the repository, relative to its root, e.g. assets/lambang.png.`,
    };
  return undefined;
}

const letterLogo: GovernanceRule = (file, g, positions) => {
  const problem = g.letters?.logo !== undefined ? logoPathProblem(g.letters.logo) : undefined;
  return problem ? [diagnostic(file, locate(positions, "/letters/logo"), "governance.letters-logo", "error", problem)] : [];
};

/** An acting appointment ends on or after the day it starts. */
const actingDates: GovernanceRule = (file, g, positions) => {
  const steps = g.disposition.steps.map((s, i) => ({ s, ptr: `/disposition/steps/${i}` }));
  return steps.flatMap(({ s, ptr }) =>
    (s.acting ?? []).flatMap((a, j) =>
      a.until < a.from
        ? [
            diagnostic(file, locate(positions, `${ptr}/acting/${j}/until`), "governance.acting-dates", "error", {
              id: `Penunjukan ${a.title} @${a.user} pada langkah \`${s.id}\`: tanggal until (${a.until}) sebelum from (${a.from}).`,
              en: `Acting appointment ${a.title} @${a.user} on step \`${s.id}\`: until (${a.until}) is before from (${a.from}).`,
            }),
          ]
        : [],
    ),
  );
};

export const GOVERNANCE_RULES: GovernanceRule[] = [letterLogo, actingDates, uniqueOpdCodes, stepsAssigned, workingDays, placeholders, zoneNames, hostingDefaults, ttlBounds, governanceControl];
