// A worker thread of the parallel validation (see parallel.ts): it claims chunks of the file
// list from a shared counter, reads, parses and checks each file, and posts the results back.
import { parentPort } from "node:worker_threads";
import { checkRequest } from "../validate/validate.ts";
import { schemaFindings } from "../validate/schema.ts";
import { checkChunk, type Job } from "./parallel-job.ts";
import { toWire } from "./positions-transfer.ts";

const port = parentPort!;
port.once("message", (job: Job) => {
  try {
    checkChunk(job, (start, results) => port.postMessage({ start, results: results.map(toWire) }), checkRequest);
    port.postMessage({ done: true });
  } catch (e) {
    // The main thread redoes whatever was not posted; this only says why.
    port.postMessage({ failed: e instanceof Error ? e.message : String(e) });
  }
});

// Compile the schema validators now, while the main thread is still reading governance (which it
// must do before it can send the job), rather than on the first file: ~150 ms off this thread's
// share of the work. The result is thrown away; a failure here shows again, reported, on a file.
try {
  schemaFindings({ file: "", value: {}, positions: {}, diagnostics: [] }, "request");
} catch {
  // nothing to do: see above
}
