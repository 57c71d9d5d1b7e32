// npm run preset -- <name> [--file governance.yaml] [--org ORG] [--lang id|en]
// Puts a preset's disposition chain, working hours, required fields and review period into a
// governance file, keeping the rest of it (zones, OPDs, comments). The result is checked with the
// ordinary governance validator before anything is written. Exit 0 done, 1 invalid, 2 bad usage.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { hasErrors, type Lang } from "../src/diagnostics/diagnostic.ts";
import { formatText } from "../src/diagnostics/format.ts";
import { parseYaml } from "../src/load/parse.ts";
import { LIMITS } from "../src/load/limits.ts";
import { applyPreset, PRESET_SECTIONS } from "../src/model/presets/apply.ts";
import { isPresetName, PRESET_NAMES, presetFile } from "../src/model/presets/index.ts";
import { checkGovernance } from "../src/validate/validate.ts";
import { parseCommandLine, runMain, UsageError } from "../src/cli/common.ts";

const USAGE = `Penggunaan / usage: npm run preset -- <${PRESET_NAMES.join("|")}> [--file governance.yaml] [--org ORGANISASI_GITHUB] [--lang id|en]`;
const ORG = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

let lang: Lang = "id";
const say = (id: string, en: string) => (lang === "en" ? en : id);

function main(): number {
  const cli = parseCommandLine(USAGE, {
    file: { type: "string" },
    org: { type: "string" },
  }, { positionals: true });
  if (!cli) return 0;
  const { values, positionals } = cli;
  lang = cli.lang;
  const [name, ...rest] = positionals;
  if (!name || rest.length) throw new UsageError(`Sebutkan satu nama preset / name one preset.\n${USAGE}`);
  if (!isPresetName(name))
    throw new UsageError(
      `Preset \`${name}\` tidak dikenal; pilihan: ${PRESET_NAMES.join(", ")}.\nUnknown preset \`${name}\`; choose one of: ${PRESET_NAMES.join(", ")}.\n${USAGE}`,
    );
  if (values.org !== undefined && !ORG.test(values.org)) throw new UsageError(`--org: nama organisasi GitHub tidak sah / not a valid GitHub organisation: ${values.org}\n${USAGE}`);

  const file = values.file ?? "governance.yaml";
  let text: string;
  try {
    text = readFileSync(resolve(file), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "?";
    process.stderr.write(say(`${file}: berkas tidak dapat dibaca (${code}).\n`, `${file}: the file cannot be read (${code}).\n`));
    return 1;
  }
  const presetText = readFileSync(resolve(import.meta.dirname, "..", presetFile(name)), "utf8");
  const applied = applyPreset(text, file, presetText, name, values.org ? { org: values.org } : {});
  if (!applied.ok) {
    process.stderr.write(applied.problem[lang] + "\n");
    return 1;
  }

  // Never write a governance file the validator would refuse.
  const check = checkGovernance(parseYaml(file, new TextEncoder().encode(applied.text), LIMITS.governanceBytes));
  if (hasErrors(check.diagnostics)) {
    process.stderr.write(formatText(check.diagnostics, lang, 1));
    process.stderr.write(say(`${file} tidak diubah.\n`, `${file} was not changed.\n`));
    return 1;
  }
  writeFileSync(resolve(file), applied.text);
  const sections = PRESET_SECTIONS.join(", ");
  process.stdout.write(
    say(
      `${file}: bagian ${sections} diganti dengan preset "${name}"; bagian lain tidak berubah.\nPastikan tim GitHub berikut ada dan berisi pejabat yang tepat:\n`,
      `${file}: sections ${sections} replaced by preset "${name}"; everything else is unchanged.\nMake sure these GitHub teams exist and hold the right officials:\n`,
    ) + applied.teams.map((t) => `  - ${t}\n`).join(""),
  );
  return 0;
}

void runMain(main, () => lang);
