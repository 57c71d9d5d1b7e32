// A worker thread of the parallel validation (see check-files.ts): it claims chunks of the file
// list from a shared counter, reads, parses and checks each file, and posts the results back in
// their compact form (check-wire.ts).
import { parentPort } from "node:worker_threads";
import { checkRequest } from "../validate/validate.ts";
import { claimChunk, type Job } from "./parallel-job.ts";
import { encodeChunk, encodeLoaded } from "./check-wire.ts";

const port = parentPort!;
port.once("message", (job: Job) => {
  try {
    for (let c = claimChunk(job, checkRequest); c; c = claimChunk(job, checkRequest))
      port.postMessage({ chunk: encodeChunk(c.start, c.results), ...(job.keepLoaded ? { loaded: c.results.map((r) => encodeLoaded(r.loaded)) } : {}) });
    port.postMessage({ done: true });
  } catch (e) {
    // The main thread redoes whatever was not posted; this only says why.
    port.postMessage({ failed: e instanceof Error ? e.message : String(e) });
  }
});
