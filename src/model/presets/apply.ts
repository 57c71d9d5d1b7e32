// Replaces the SOP-specific sections of a governance file by a preset's, keeping everything else
// (government, zones, OPDs, reserved names, hosting, the holiday calendar, and every comment) as
// the user wrote it. yaml's Document API locates the sections and renders the new ones.
import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from "yaml";
import type { Message } from "../../diagnostics/diagnostic.ts";

/** The sections a preset decides: the chain, its clock, what a request must carry, how long it lives. */
export const PRESET_SECTIONS = ["disposition", "workingHours", "requiredFields", "review"] as const;

export interface ApplyOptions {
  /** GitHub organisation to put in the preset's placeholder teams (`org/team`). */
  org?: string;
}

export type ApplyResult = { ok: true; text: string; teams: string[] } | { ok: false; problem: Message };

const RENDER = { lineWidth: 0, flowCollectionPadding: false } as const;

function parseProblem(doc: Document, file: string): Message | undefined {
  const err = doc.errors[0];
  if (err) {
    const at = err.linePos?.[0];
    const where = at ? `${file}:${at.line}:${at.col}` : file;
    return { id: `${where}: YAML tidak sah (${err.code}).`, en: `${where}: invalid YAML (${err.code}).` };
  }
  if (!isMap(doc.contents))
    return { id: `${file}: isi berkas harus berupa pemetaan (kunci: nilai).`, en: `${file}: the file must hold a mapping (key: value).` };
  return undefined;
}

/** Points every step's team at `org`, keeping the team's own slug. */
export function retargetTeams(disposition: Node, org: string | undefined): string[] {
  if (!isMap(disposition)) return [];
  const steps: Node[] = [];
  const list = disposition.get("steps", true);
  if (isSeq(list)) steps.push(...(list.items as Node[]));
  const destructive = disposition.get("destructiveStep", true);
  if (destructive) steps.push(destructive as Node);
  const teams: string[] = [];
  for (const step of steps) {
    if (!isMap(step)) continue;
    const team = step.get("team", true);
    if (!isScalar(team) || typeof team.value !== "string") continue;
    const name = org ? `${org}/${team.value.slice(team.value.indexOf("/") + 1)}` : team.value;
    team.value = name;
    if (!teams.includes(name)) teams.push(name);
  }
  return teams;
}

/**
 * What in a disposition block is the government's own, not its SOP's: how reminders escalate
 * (when the preset says nothing of it), and the acting officials (Plt./Plh./a.n.) named for a
 * step the preset also has (same id). Copied into the preset's block.
 */
function keepLocalDisposition(presetBlock: Node, own: Node | undefined): void {
  if (!isMap(presetBlock) || !isMap(own)) return;
  const reminders = own.get("reminders", true) as Node | undefined;
  if (reminders !== undefined && !presetBlock.has("reminders")) presetBlock.set("reminders", reminders.clone());
  const acting = new Map<string, Node>();
  const ownSteps = [...((own.get("steps", true) as { items?: Node[] } | undefined)?.items ?? []), own.get("destructiveStep", true) as Node | undefined];
  for (const step of ownSteps) if (isMap(step) && step.has("acting")) acting.set(String(step.get("id")), step.get("acting", true) as Node);
  const presetSteps = [...((presetBlock.get("steps", true) as { items?: Node[] } | undefined)?.items ?? []), presetBlock.get("destructiveStep", true) as Node | undefined];
  for (const step of presetSteps) {
    const kept = isMap(step) ? acting.get(String(step.get("id"))) : undefined;
    if (kept && isMap(step) && !step.has("acting")) step.set("acting", kept.clone());
  }
}

/** The source span of a top-level pair, from its key to the end of its value. */
function pairSpan(doc: Document, key: string): [number, number] | undefined {
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  const from = (pair?.key as Node | undefined)?.range?.[0];
  const to = (pair?.value as Node | undefined)?.range?.[1];
  return from !== undefined && to !== undefined ? [from, to] : undefined;
}

/**
 * `governanceText` with the preset's sections in place of its own. Only the bytes of the replaced
 * sections change: each is spliced into the original text, so the layout and comments of the rest
 * stay exactly as written. Pure; the caller validates the result before writing it.
 */
export function applyPreset(governanceText: string, governanceFile: string, presetText: string, presetName: string, options: ApplyOptions = {}): ApplyResult {
  const target = parseDocument(governanceText);
  const targetProblem = parseProblem(target, governanceFile);
  if (targetProblem) return { ok: false, problem: targetProblem };
  const preset = parseDocument(presetText);
  const presetProblem = parseProblem(preset, `preset ${presetName}`);
  if (presetProblem) return { ok: false, problem: presetProblem };

  let teams: string[] = [];
  const edits: { span?: [number, number]; text: string }[] = [];
  for (const section of PRESET_SECTIONS) {
    const node = preset.get(section, true) as Node | undefined;
    const span = pairSpan(target, section);
    if (node === undefined) {
      if (span) edits.push({ span, text: "" });
      continue;
    }
    const copy = node.clone() as Node;
    if (section === "disposition") {
      keepLocalDisposition(copy, target.get(section, true) as Node | undefined);
      teams = retargetTeams(copy, options.org);
      copy.commentBefore = ` Dari preset "${presetName}" (src/model/presets/${presetName}.yaml: pemetaan langkah SOP ada di sana).`;
    }
    // The holiday calendar (cuti bersama, local closures) is the government's own, not the SOP's.
    const holidays = section === "workingHours" ? target.getIn([section, "holidays"], true) : undefined;
    if (holidays && isMap(copy)) copy.set("holidays", (holidays as Node).clone());
    const piece = new Document();
    piece.contents = piece.createNode({});
    (piece.contents as YAMLMap).set(section, copy);
    edits.push({ span, text: piece.toString(RENDER).replace(/\n$/, "") });
  }

  // `forms.powerOfAttorney` is the SOP's (Purbalingga asks for a power of attorney with the scan);
  // the rest of `forms` (where scans are uploaded) is the government's and stays as written.
  const attorney = preset.getIn(["forms", "powerOfAttorney"]) === true;
  const formsNode = target.get("forms", true) as Node | undefined;
  if (attorney || (isMap(formsNode) && formsNode.has("powerOfAttorney"))) {
    const forms = isMap(formsNode) ? (formsNode.clone() as YAMLMap) : (new Document().createNode({}) as YAMLMap);
    if (attorney) forms.set("powerOfAttorney", true);
    else forms.delete("powerOfAttorney");
    const piece = new Document();
    piece.contents = piece.createNode({});
    if (forms.items.length) (piece.contents as YAMLMap).set("forms", forms);
    const span = pairSpan(target, "forms");
    edits.push({ ...(span ? { span } : {}), text: forms.items.length ? piece.toString(RENDER).replace(/\n$/, "") : "" });
  }

  // Splice from the end so earlier offsets stay valid; sections the file lacks go at its end.
  let text = governanceText;
  // A block value's span ends after its last line break, a flow value's before it.
  for (const e of edits.filter((e) => e.span).sort((a, b) => b.span![0] - a.span![0])) {
    const [from, to] = e.span!;
    const eol = e.text && text[to - 1] === "\n" ? "\n" : "";
    text = text.slice(0, from) + e.text + eol + text.slice(to);
  }
  const added = edits.filter((e) => !e.span && e.text);
  if (added.length) text = text.replace(/\n*$/, "\n") + added.map((e) => e.text + "\n").join("");
  return { ok: true, text, teams };
}
