// The file the page shows (its own builder, src/form/page/model.ts) is the file the intake writes
// for the same values (src/form/send/yaml-file.ts, the intake's builder), for every fixture request.
import { describe, expect, it } from "vitest";
import { buildRequest as pageRequest, requestText } from "../../src/form/page/model.ts";
import { valuesOf } from "../../src/form/send/values.ts";
import { requestFile } from "../../src/form/send/yaml-file.ts";
import { TARGET_KINDS } from "../../src/forms/fields.ts";
import { baseFiles, baseOf, governance, requests } from "./send-fixture.ts";

describe("the page's file and the intake's file", () => {
  it("are the same for every fixture request filled as a new one", () => {
    const diffs: string[] = [];
    for (const r of requests) {
      const values = valuesOf(r.value, governance);
      // The page's vocabulary: the OPD's code, the target kind's key.
      const page: Record<string, string> = { ...values, opd: (r.value as { opd: string }).opd };
      const kind = Object.entries(TARGET_KINDS).find(([, t]) => t === values["target-kind"])?.[0];
      if (kind) page["target-kind"] = kind;
      const shown = requestText(pageRequest({ mode: "baru", values: page }).request);
      const intake = requestFile("baru", page, governance, baseOf(baseFiles(r.file))).text;
      if (shown !== intake) diffs.push(`${r.file}\n--- page\n${shown}\n--- intake\n${intake}`);
    }
    expect(diffs.join("\n\n")).toBe("");
  });
});
