// The reading thread of the parallel per-file stage (see check-files.ts): it claims chunks of the
// file list from a shared counter, reads and parses each file and checks it against the request
// schema, and posts them back in their compact form (check-wire.ts); the thread that asked runs
// the file rules on them.
import { parentPort } from "node:worker_threads";
import { claimChunk, type Job } from "../../load/parallel-job.ts";
import { encodeChunk } from "./check-wire.ts";
import { schemaFindings } from "../schema.ts";

const port = parentPort!;
port.once("message", (job: Job) => {
  try {
    for (let c = claimChunk(job); c; c = claimChunk(job)) port.postMessage({ chunk: encodeChunk(c.start, c.files, c.files.map((l) => (l.value === undefined ? undefined : schemaFindings(l, "request")))) });
    port.postMessage({ done: true });
  } catch (e) {
    // The main thread redoes whatever was not posted; this only says why.
    port.postMessage({ failed: e instanceof Error ? e.message : String(e) });
  }
});
