// A worker thread of the parallel validation (see parallel.ts): it claims chunks of the file
// list from a shared counter, reads, parses and checks each file, and posts the results back.
import { parentPort } from "node:worker_threads";
import { checkRequest } from "../validate/validate.ts";
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

