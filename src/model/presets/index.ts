// The governance presets: one YAML file per SOP this product was built from (see SOPS.md). They
// are data files next to the model; this module only names them and reads them through the
// ordinary loader, so a preset is checked exactly like a user's governance.yaml.
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loaded } from "../../load/parse.ts";
import { readGovernance } from "../../load/read.ts";

export const PRESET_NAMES = ["tulungagung", "demak", "kaltara", "purbalingga", "balangan"] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..", "..");

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** Repository-relative path of a preset file, e.g. `src/model/presets/demak.yaml`. */
export function presetFile(name: PresetName): string {
  return relative(ROOT, join(HERE, `${name}.yaml`)).split("\\").join("/");
}

/** Reads and parses a preset (never throws; problems come back as diagnostics). */
export function readPreset(name: PresetName): Loaded {
  return readGovernance(ROOT, presetFile(name));
}
