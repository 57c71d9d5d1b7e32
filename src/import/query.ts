// Asks one server for each desired RRset, non-recursively, in one dig run (a batch file), and
// keeps only what the server says authoritatively: an answer with the AA flag, or a referral's
// NS and glue for a delegated name. Any query without a reply, or a reply other than NOERROR or
// NXDOMAIN, or one that is not authoritative, makes the whole server "could not ask".
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Lang } from "../diagnostics/diagnostic.ts";
import { parseServer } from "./bind.ts";
import { parseCanonical, type Rr } from "./canonical.ts";

export function queryRrsets(server: string, questions: readonly { owner: string; type: string }[], lang: Lang): { ok: true; rrs: Rr[] } | { ok: false; error: string } {
  const say = (id: string, en: string) => (lang === "en" ? en : id);
  const s = parseServer(server);
  if (!s) return { ok: false, error: `HOST[:PORT] (${server})` };
  if (!questions.length) return { ok: true, rrs: [] };
  const dir = mkdtempSync(join(tmpdir(), "verify-dns-"));
  try {
    const batch = join(dir, "batch");
    // Names come from the validated state (LDH labels, `*`, `_`): nothing in them dig reads as an option.
    writeFileSync(batch, questions.map((q) => `${q.owner}. ${q.type}\n`).join(""));
    const r = spawnSync("dig", ["-p", s.port, `@${s.host}`, "+norec", "+time=3", "+tries=2", "+nocmd", "+nostats", "+noquestion", "-f", batch], { encoding: "utf8", maxBuffer: 1 << 30, timeout: 300_000 });
    if (r.error) return { ok: false, error: say("dig tidak ditemukan; pasang paket bind9-dnsutils.", "dig not found; install bind9-dnsutils.") };
    // One block per reply, each starting at dig's header line.
    const blocks = r.stdout.split(/^;; ->>HEADER<<-/m).slice(1);
    if (blocks.length !== questions.length) {
      const why = [...r.stdout.split("\n"), ...r.stderr.split("\n")].find((l) => /timed out|no servers|communications error|refused|couldn't/i.test(l));
      return { ok: false, error: say(`${server} tidak menjawab semua pertanyaan (${blocks.length} dari ${questions.length})${why ? `: ${why.replace(/^;+\s*/, "")}` : ""}`, `${server} did not answer every query (${blocks.length} of ${questions.length})${why ? `: ${why.replace(/^;+\s*/, "")}` : ""}`) };
    }
    const rrs: Rr[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const q = questions[i]!;
      const block = blocks[i]!;
      const status = /status: ([A-Z]+)/.exec(block)?.[1] ?? "?";
      const flags = / flags: ([a-z ]*);/.exec(block)?.[1]?.split(" ") ?? [];
      if (status !== "NOERROR" && status !== "NXDOMAIN") return { ok: false, error: say(`${server} menjawab ${status} untuk ${q.owner} ${q.type}`, `${server} answered ${status} for ${q.owner} ${q.type}`) };
      const records = parseCanonical(block);
      const referral = !flags.includes("aa");
      if (referral && !records.some((rr) => rr.type === "NS" && q.owner.endsWith(rr.owner)))
        return { ok: false, error: say(`${server} tidak berwenang (tanpa bendera aa) untuk ${q.owner}`, `${server} is not authoritative (no aa flag) for ${q.owner}`) };
      // Only the records of the RRset asked about (the authority and additional sections repeat others).
      rrs.push(...records.filter((rr) => rr.owner === q.owner && rr.type === q.type));
    }
    return { ok: true, rrs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
