// Writes schemas/*.json from the zod models (npm run schemas). The JSON files are committed so
// that editors (yaml-language-server), the forms and CI all read the same schema; a test fails
// when they drift from the models.
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { renderSchemas } from "../src/model/json-schema.ts";

const dir = join(import.meta.dirname, "..", "schemas");
mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(renderSchemas())) {
  writeFileSync(join(dir, file), text);
  console.log(`ditulis: schemas/${file}`);
}
