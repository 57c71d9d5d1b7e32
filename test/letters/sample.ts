// A reply letter of each outcome, rendered from the papers examples (test/papers/examples.ts).
import { accountDetails, renderLetter } from "../../src/letter/index.ts";
import type { LetterOutcome } from "../../src/letter/content.ts";
import { loadExamples } from "../papers/examples.ts";

const OUTCOMES: Record<LetterOutcome["kind"], LetterOutcome> = {
  baru: { kind: "baru" },
  ubah: { kind: "ubah", changes: ["alamat server berubah dari 103.147.8.10 ke 103.147.8.20"] },
  hapus: { kind: "hapus", removedOn: "2026-03-16", dataKept: true },
  tolak: { kind: "tolak", code: "nama-sudah-ada", reason: "nama subdomain sudah dipakai" },
};

export async function sampleLetter(kind: LetterOutcome["kind"], signer?: { prefix: "Plt." | "Plh." | "a.n."; name: string; title?: string }): Promise<Buffer> {
  const ex = loadExamples();
  const rf = ex.requests.find((r) => r.request.target?.server) ?? ex.requests[0]!;
  const account = accountDetails(rf.file, rf.request, ex.governance, ex.state);
  return renderLetter({ governance: ex.governance, account, number: "000.5.9/12/Diskominfo/2026", date: "2026-03-16", outcome: OUTCOMES[kind], electronic: true, ...(signer ? { signer } : {}) });
}
