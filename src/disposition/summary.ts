// The disposition summary a reviewer reads on the pull request (a section of the bot's comment and
// the job summary): each step with who approved it, when, and the working time it took against the
// standard time. Pure: takes the evaluation result, returns Markdown.
import type { Lang } from "../diagnostics/diagnostic.ts";
import { formatMinutes } from "../worktime/format.ts";
import type { DispositionResult, IgnoredReason, StepOutcome } from "./types.ts";

export const DISPOSITION_MARKER = "<!-- disposisi -->";

const WORDS = {
  id: {
    title: "Disposisi",
    head: ["#", "Langkah", "Status", "Oleh", "Waktu", "Lama (waktu kerja)", "Mutu baku"],
    approved: "✅ disetujui",
    waiting: "⏳ menunggu",
    notStarted: "· belum",
    overdue: "melewati mutu baku",
    since: "sejak",
    total: "Seluruh disposisi (waktu kerja)",
    deadline: "batas layanan",
    returned: (who: string, roles: string, at: string) => `**Dikembalikan untuk diperbaiki** oleh @${who}${roles ? ` (${roles})` : ""} pada ${at}. Pemohon memperbaiki lalu mendorong commit baru; persetujuan dilanjutkan setelahnya.`,
    ignoredTitle: "Persetujuan yang tidak dihitung",
    reasons: {
      applicant: "pemohon/penulis pull request tidak boleh menyetujui permohonannya sendiri",
      "not-member": "bukan anggota tim langkah mana pun",
      "acting-outside-dates": "di luar masa penunjukan Plt./Plh./a.n. dalam governance.yaml (from-until)",
      stale: "dibuat sebelum commit terbaru (kedaluwarsa karena dorongan baru)",
      "out-of-order": "mendahului langkah sebelumnya; setujui lagi setelah langkah sebelumnya selesai",
      redundant: "langkahnya sudah disetujui dengan persetujuan lain",
    } satisfies Record<IgnoredReason, string>,
    minutes: (n: number) => formatMinutes(n, "id"),
    standard: (s: string) => fmtStandard(s, { m: "menit", h: "jam", d: "hari kerja" }),
    locale: "id-ID",
  },
  en: {
    title: "Disposition",
    head: ["#", "Step", "Status", "By", "When", "Took (working time)", "Standard"],
    approved: "✅ approved",
    waiting: "⏳ waiting",
    notStarted: "· not yet",
    overdue: "over the standard time",
    since: "since",
    total: "Whole disposition (working time)",
    deadline: "service deadline",
    returned: (who: string, roles: string, at: string) => `**Returned for correction** by @${who}${roles ? ` (${roles})` : ""} on ${at}. The applicant fixes it and pushes a new commit; approvals continue after that.`,
    ignoredTitle: "Approvals that did not count",
    reasons: {
      applicant: "the applicant or pull request author cannot approve their own request",
      "not-member": "not a member of any step's team",
      "acting-outside-dates": "outside the dates of the acting appointment in governance.yaml (from-until)",
      stale: "made before the latest commit (stale after a new push)",
      "out-of-order": "came before the previous step was done; approve again once it is",
      redundant: "the step was already approved by another approval",
    } satisfies Record<IgnoredReason, string>,
    minutes: (n: number) => formatMinutes(n, "en"),
    standard: (s: string) => fmtStandard(s, { m: "min", h: "h", d: "working days" }),
    locale: "en-GB",
  },
};

export function fmtStandard(s: string, units: Record<"m" | "h" | "d", string>): string {
  const m = /^(\d+)(m|h|d)$/.exec(s);
  return m ? `${m[1]} ${units[m[2] as "m" | "h" | "d"]}` : s;
}

export function fmtTime(iso: string, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(WORDS[lang].locale, { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" }).format(new Date(iso));
}

/** Table cells never break the table: pipes and newlines are escaped. */
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

export function renderDispositionSummary(result: DispositionResult, lang: Lang, timeZone: string): string {
  const w = WORDS[lang];
  const status = (s: StepOutcome) => (s.status === "approved" ? w.approved : s.status === "waiting" ? w.waiting : w.notStarted);
  const lines = [`### ${w.title}: ${result.description[lang]}`, ""];
  if (result.returned) {
    const r = result.returned;
    lines.push(w.returned(r.user, r.roles.join(", "), fmtTime(r.at, lang, timeZone)));
    if (r.body) lines.push("", ...r.body.split(/\r?\n/).map((l) => `> ${l}`));
    lines.push("");
  }
  lines.push(`| ${w.head.join(" | ")} |`, `|${w.head.map(() => "---").join("|")}|`);
  for (const s of result.steps) {
    const took = s.elapsedMinutes === undefined ? "" : `${w.minutes(s.elapsedMinutes)}${s.overdue ? ` ⚠️ ${w.overdue}` : ""}`;
    // A waiting step names who may approve it (as code, so editing the comment pings nobody) and
    // since when it waits.
    const who = s.approver ? `@${s.approver}${s.acting ? ` (${s.acting})` : ""}` : s.status === "waiting" ? [s.team, ...(s.users ?? [])].filter(Boolean).map((x) => `\`${x}\``).join(", ") : "";
    const when = s.approvedAt ? fmtTime(s.approvedAt, lang, timeZone) : s.status === "waiting" && s.startedAt ? `${w.since} ${fmtTime(s.startedAt, lang, timeZone)}` : "";
    lines.push(`| ${s.position} | ${cell(s.task ? `${s.role}: ${s.task}` : s.role)} | ${status(s)} | ${who} | ${when} | ${took} | ${w.standard(s.standardTime)} |`);
  }
  if (result.total) {
    const t = result.total;
    const deadline = t.deadline ? ` (${w.deadline} ${w.standard(t.deadline)}${t.overdue ? ` ⚠️ ${w.overdue}` : ""})` : "";
    lines.push("", `${w.total}: ${w.minutes(t.elapsedMinutes)}${deadline}`);
  }
  if (result.ignored.length) {
    lines.push("", `**${w.ignoredTitle}**`, "");
    for (const i of result.ignored) lines.push(`- @${i.user}, ${fmtTime(i.at, lang, timeZone)}: ${w.reasons[i.reason]}`);
  }
  return lines.join("\n") + "\n";
}
