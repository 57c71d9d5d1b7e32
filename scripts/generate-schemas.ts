// Writes schemas/*.json from the zod models (npm run schemas), and the validators ajv generates
// from them (src/validate/generated/). The JSON files are committed so that editors
// (yaml-language-server), the forms and CI all read the same schema; the validators so that no
// run compiles them. Tests fail when either drifts from the models.
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { renderSchemas } from "../src/model/json-schema.ts";
import { renderValidators } from "../src/validate/standalone.ts";

import { parseCommandLine, runMain } from "../src/cli/common.ts";

const USAGE = "Penggunaan / usage: npm run schemas [-- --lang id|en]\nMenulis / writes schemas/*.json dan/and src/validate/generated/* dari model zod / from the zod models.";

function main(): number {
  if (!parseCommandLine(USAGE, {})) return 0;
  const root = join(import.meta.dirname, "..");
  const dir = join(root, "schemas");
  mkdirSync(dir, { recursive: true });
  const schemas = renderSchemas();
  for (const [file, text] of Object.entries(schemas)) {
    writeFileSync(join(dir, file), text);
    console.log(`ditulis: schemas/${file}`);
  }

  const generated = join(root, "src", "validate", "generated");
  mkdirSync(generated, { recursive: true });
  const validators = renderValidators({ request: schemas["request.schema.json"]!, governance: schemas["governance.schema.json"]! });
  for (const [file, text] of Object.entries(validators)) {
    writeFileSync(join(generated, file), text);
    console.log(`ditulis: src/validate/generated/${file}`);
  }
  return 0;
}

void runMain(main);
