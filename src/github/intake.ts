// The intake: an issue made from one of the forms becomes a request file on a branch and a pull
// request, or a comment listing every problem. Deterministic branch name from the issue number,
// so editing the issue updates the same branch and pull request, never a second one.
import type { Lang } from "../diagnostics/diagnostic.ts";
import { buildRequest, type FormProblem } from "../forms/build.ts";
import { checkIntake, type FieldDiagnostic } from "../forms/check.ts";
import { CONFIRM_OPTION, FIELDS, FORM_LABELS, type FormKind } from "../forms/fields.ts";
import type { FieldChange } from "../forms/merge.ts";
import { code, esc } from "../plan/render-markdown.ts";
import { parseIssueBody } from "../forms/parse.ts";
import { parseYaml } from "../load/parse.ts";
import { LIMITS } from "../load/limits.ts";
import type { Governance } from "../model/governance.ts";
import { upsertComment } from "./comments.ts";
import { isRequestPath, readFileAt, readPolicyTree } from "./files.ts";
import { syncLabels } from "./labels.ts";
import { statusOf, type GitHub, type RepoRef } from "./octokit.ts";
import { applicantMarker, checkOwnership, isAdmin } from "./ownership.ts";

const CONFIRM_LABEL = FIELDS.find((f) => f.id === "confirm")!.label;
export const INTAKE_MARKER = "<!-- intake -->";
export const NEEDS_FIX_LABEL = "perlu-perbaikan";
const ISSUE_MARKER = (n: number) => `<!-- isu: ${n} -->`;
const PATH_MARKER = /<!-- berkas: (requests\/[^ ]+\.yaml) -->/;

export const branchFor = (issue: number) => `permohonan/isu-${issue}`;
export const issueOfPullRequest = (body: string | null | undefined): number | undefined => {
  const m = /<!-- isu: (\d+) -->/.exec(body ?? "");
  return m ? Number(m[1]) : undefined;
};

export interface IntakeOptions {
  issue: number;
  baseBranch: string;
  today: string;
  lang?: Lang;
  /** governance.yaml and requests/** of the base branch; read through the API when absent. */
  baseFiles?: ReadonlyMap<string, Uint8Array>;
}

export type IntakeOutcome =
  | { kind: "skipped"; reason: string }
  | { kind: "invalid"; problems: FormProblem[]; diagnostics: FieldDiagnostic[] }
  | { kind: "preview"; path: string; changes: FieldChange[] }
  | { kind: "pull-request"; number: number; action: "created" | "updated" | "unchanged"; path: string };

const KIND_WORD: Record<FormKind, string> = { baru: "baru", ubah: "perubahan", hapus: "penghapusan" };

/** Comment texts in Bahasa Indonesia (default) and English (`--lang en`). */
const TEXT = {
  id: {
    invalidTitle: "### ❌ Permohonan belum dapat diproses",
    invalidHelp: "Perbaiki isian berikut dengan menyunting isu ini (menu ⋯ → *Edit*). Pemeriksaan diulang otomatis setiap kali isu disunting.",
    rule: "aturan",
    warnings: "Peringatan (tidak menghalangi):",
    merged: (pr: number) => `Pull request #${pr} untuk isu ini sudah digabung. Untuk perubahan berikutnya, buat isu baru dengan formulir perubahan.`,
    previewTitle: "### 🔎 Periksa perubahan sebelum pull request dibuat",
    previewHelp: `Bila ringkasan ini benar, sunting isu ini (menu ⋯ → *Edit*) dan centang **${CONFIRM_LABEL}**; pull request dibuat setelah itu. Bila ada yang salah, perbaiki isiannya saja: bagian yang dikosongkan tetap seperti semula.`,
    changesTitle: (path: string) => `Perubahan pada \`${path}\`, per isian:`,
    changesHead: "| Isian | Sebelum | Sesudah |",
    absent: "*(tidak ada)*",
    removed: "*(dihapus)*",
    untouched: "Bagian lain berkas, termasuk komentarnya, tetap seperti semula.",
    ok: (path: string, pr: number) => `### ✅ Isian lengkap\n\nBerkas \`${path}\` ada di pull request #${pr}. Pemeriksaan, rencana perubahan dan disposisi berjalan di sana. Bila perlu mengubah isian, sunting isu ini; pull request yang sama ikut diperbarui.`,
  },
  en: {
    invalidTitle: "### ❌ The request cannot be processed yet",
    invalidHelp: "Fix the fields below by editing this issue (⋯ menu → *Edit*). The check runs again each time the issue is edited.",
    rule: "rule",
    warnings: "Warnings (not blocking):",
    merged: (pr: number) => `Pull request #${pr} for this issue is already merged. For a further change, open a new issue with the change form.`,
    previewTitle: "### 🔎 Check the change before the pull request is opened",
    previewHelp: `If this summary is right, edit this issue (⋯ menu → *Edit*) and tick **${CONFIRM_LABEL}**; the pull request is opened after that. If something is wrong, just fix the fields: fields left empty stay as they are.`,
    changesTitle: (path: string) => `Changes to \`${path}\`, field by field:`,
    changesHead: "| Field | Before | After |",
    absent: "*(none)*",
    removed: "*(removed)*",
    untouched: "The rest of the file, comments included, stays as it was.",
    ok: (path: string, pr: number) => `### ✅ The form is complete\n\nThe file \`${path}\` is in pull request #${pr}. Checks, the plan and the disposition run there. To change the form, edit this issue; the same pull request is updated.`,
  },
};

/** The field-by-field change as a Markdown table; request text is escaped inside <code>. */
function changesTable(path: string, changes: readonly FieldChange[], lang: Lang): string {
  const t = TEXT[lang];
  const cell = (v: string | undefined, gone: string) => (v === undefined ? gone : code(v));
  const rows = changes.map((c) => `| ${esc(c.field)} | ${cell(c.before, t.absent)} | ${cell(c.after, t.removed)} |`);
  return [t.changesTitle(path), "", t.changesHead, "|---|---|---|", ...rows, "", t.untouched].join("\n");
}

function warningLines(diagnostics: readonly FieldDiagnostic[], lang: Lang): string[] {
  const warnings = diagnostics.filter((x) => x.severity === "warning");
  return warnings.length ? ["", TEXT[lang].warnings, ...warnings.map((d) => `- ${d.field ? `**${d.field}**: ` : `\`${d.file}:${d.line}\`: `}${d.message[lang]}`)] : [];
}

function problemsComment(problems: FormProblem[], diagnostics: FieldDiagnostic[], lang: Lang): string {
  const t = TEXT[lang];
  const lines = [INTAKE_MARKER, t.invalidTitle, "", t.invalidHelp, ""];
  for (const p of problems) lines.push(`- ${p.field ? `**${p.field}**: ` : ""}${p.message[lang]}`);
  // Without a form field, the place is named: the request's own line, or another file it affects.
  const where = (d: FieldDiagnostic) => (d.field ? `**${d.field}**: ` : `\`${d.file}:${d.line}\`: `);
  for (const d of diagnostics.filter((x) => x.severity === "error")) lines.push(`- ${where(d)}${d.message[lang]} (${t.rule} \`${d.rule}\`)`);
  lines.push(...warningLines(diagnostics, lang));
  return lines.join("\n") + "\n";
}

export async function runIntake(gh: GitHub, ref: RepoRef, o: IntakeOptions): Promise<IntakeOutcome> {
  const lang = o.lang ?? "id";
  const { data: issue } = await gh.rest.issues.get({ ...ref, issue_number: o.issue });
  if (issue.pull_request) return { kind: "skipped", reason: "pull request" };
  if (issue.state !== "open") return { kind: "skipped", reason: "closed" };
  const labels = issue.labels.map((l) => (typeof l === "string" ? l : (l.name ?? "")));
  const kind = (Object.entries(FORM_LABELS) as [FormKind, string][]).find(([, label]) => labels.includes(label))?.[0];
  if (!kind) return { kind: "skipped", reason: "no form label" };
  const author = issue.user?.login ?? "ghost";

  // Base branch: the rules and the existing requests the new file is judged against.
  const baseFiles = o.baseFiles ?? (await readPolicyTree(gh, ref, o.baseBranch));
  const govBytes = baseFiles.get("governance.yaml");
  const govLoaded = govBytes ? parseYaml("governance.yaml", govBytes, LIMITS.governanceBytes) : parseYaml("governance.yaml", new Uint8Array());
  const governance = govLoaded.value as Governance | undefined;
  const decoder = new TextDecoder();
  const base = { read: (p: string) => (baseFiles.has(p) ? decoder.decode(baseFiles.get(p)) : undefined) };
  const parsed = parseIssueBody(issue.body);
  const built = governance ? buildRequest(kind, parsed, governance, base, o.issue) : { kind, problems: [{ message: { id: "governance.yaml di cabang dasar tidak dapat dibaca.", en: "The base branch's governance.yaml cannot be read." } }] };
  const problems = [...built.problems];
  let diagnostics: FieldDiagnostic[] = [];
  if (built.path && built.text && governance) {
    const baseRequests = [...baseFiles.keys()].filter(isRequestPath).map((p) => parseYaml(p, baseFiles.get(p)!));
    diagnostics = checkIntake(built.path, built.text, govLoaded, baseRequests, o.today).diagnostics;
    const admin = await isAdmin(gh, governance, author);
    const owner = checkOwnership([built.path], author, admin, governance);
    for (const p of owner.problems) problems.push({ field: "OPD pemohon", message: p });
  }
  const invalid = problems.length > 0 || diagnostics.some((d) => d.severity === "error") || !built.path || !built.text;
  if (invalid) {
    await upsertComment(gh, ref, o.issue, INTAKE_MARKER, problemsComment(problems, diagnostics, lang));
    await syncLabels(gh, ref, o.issue, [NEEDS_FIX_LABEL], (l) => l === NEEDS_FIX_LABEL);
    return { kind: "invalid", problems, diagnostics };
  }
  const path = built.path!;
  const text = built.text!;
  // A change or removal is shown field by field first; the pull request waits for the applicant's tick.
  const changes = "changes" in built ? built.changes : undefined;
  const table = changes ? changesTable(path, changes, lang) : undefined;
  if (changes && !parsed.checked.confirm?.includes(CONFIRM_OPTION)) {
    const lines = [INTAKE_MARKER, TEXT[lang].previewTitle, "", table!, "", TEXT[lang].previewHelp, ...warningLines(diagnostics, lang)];
    await upsertComment(gh, ref, o.issue, INTAKE_MARKER, lines.join("\n") + "\n");
    await syncLabels(gh, ref, o.issue, [], (l) => l === NEEDS_FIX_LABEL);
    return { kind: "preview", path, changes };
  }

  const branch = branchFor(o.issue);
  const existingPr = await findPullRequest(gh, ref, branch);
  if (existingPr?.merged_at) {
    await upsertComment(gh, ref, o.issue, INTAKE_MARKER, `${INTAKE_MARKER}\n${TEXT[lang].merged(existingPr.number)}\n`);
    return { kind: "skipped", reason: "merged" };
  }

  // Branch: create from the base tip, or reuse; then make the file on it exactly `text`.
  const { data: baseRef } = await gh.rest.git.getRef({ ...ref, ref: `heads/${o.baseBranch}` });
  try {
    await gh.rest.git.getRef({ ...ref, ref: `heads/${branch}` });
  } catch (e) {
    if (statusOf(e) !== 404) throw e;
    await gh.rest.git.createRef({ ...ref, ref: `refs/heads/${branch}`, sha: baseRef.object.sha });
  }
  const previousPath = PATH_MARKER.exec(existingPr?.body ?? "")?.[1];
  let changed = false;
  if (previousPath && previousPath !== path) {
    // The form now names another subdomain: the file made for the old name leaves the branch
    // (unless it exists on the base, where it is not this request's to remove).
    const old = await readFileAt(gh, ref, previousPath, branch);
    if (old && !baseFiles.has(previousPath)) {
      await gh.rest.repos.deleteFile({ ...ref, path: previousPath, branch, sha: old.sha, message: `Permohonan isu #${o.issue}: ${previousPath} diganti ${path}` });
      changed = true;
    }
  }
  const current = await readFileAt(gh, ref, path, branch);
  if (current?.text !== text) {
    await gh.rest.repos.createOrUpdateFileContents({
      ...ref,
      path,
      branch,
      message: `Permohonan ${KIND_WORD[kind]} ${path} dari isu #${o.issue}`,
      content: Buffer.from(text, "utf8").toString("base64"),
      ...(current ? { sha: current.sha } : {}),
    });
    changed = true;
  }

  const title = `[${KIND_WORD[kind]}] ${path.replace(/^requests\//, "").replace(/\.yaml$/, "")}`;
  const body = [
    `Permohonan ${KIND_WORD[kind]} dari isu #${o.issue}, diajukan oleh @${author}.`,
    "",
    `Berkas: \`${path}\`. Untuk mengubah isi permohonan, sunting isu #${o.issue}; pull request ini diperbarui otomatis.`,
    "",
    ...(changes ? [changesTable(path, changes, "id"), ""] : []),
    applicantMarker(author),
    ISSUE_MARKER(o.issue),
    `<!-- berkas: ${path} -->`,
  ].join("\n");
  let number: number;
  let action: "created" | "updated" | "unchanged";
  if (existingPr) {
    number = existingPr.number;
    const reopen = existingPr.state !== "open";
    if (existingPr.title !== title || existingPr.body !== body || reopen) {
      await gh.rest.pulls.update({ ...ref, pull_number: number, title, body, ...(reopen ? { state: "open" as const } : {}) });
      action = "updated";
    } else action = changed ? "updated" : "unchanged";
  } else {
    const { data } = await gh.rest.pulls.create({ ...ref, head: branch, base: o.baseBranch, title, body, maintainer_can_modify: true });
    number = data.number;
    action = "created";
  }
  await upsertComment(gh, ref, o.issue, INTAKE_MARKER, `${INTAKE_MARKER}\n${TEXT[lang].ok(path, number)}\n${table ? `\n${table}\n` : ""}${warningLines(diagnostics, lang).join("\n")}`);
  await syncLabels(gh, ref, o.issue, [], (l) => l === NEEDS_FIX_LABEL);
  return { kind: "pull-request", number, action, path };
}

async function findPullRequest(gh: GitHub, ref: RepoRef, branch: string) {
  const list = await gh.rest.pulls.list({ ...ref, head: `${ref.owner}:${branch}`, state: "all", per_page: 10 });
  // The newest first: a closed earlier one is reopened rather than a second one made.
  return [...list.data].sort((a, b) => b.number - a.number)[0];
}
