// The reading thread of the parallel per-file stage (see check-files.ts): it claims chunks of the
// file list from a shared counter, reads and parses each file and checks it against the request
// schema, and posts them back in their compact form (check-wire.ts); the thread that asked runs
// the file rules on them.
import { parentPort } from "node:worker_threads";
import { claimRange, type Job } from "../../load/parallel-job.ts";
import { readYamlSource } from "../../load/read.ts";
import { ChunkEncoder } from "./check-wire.ts";
import { schemaFindings } from "../schema.ts";

const port = parentPort!;
port.once("message", (job: Job) => {
  try {
    for (let range = claimRange(job); range; range = claimRange(job)) {
      // Each file is packed as soon as it is read: only the packed form waits for the chunk's end.
      const encoder = new ChunkEncoder(range.start);
      for (let i = range.start; i < range.end; i++) {
        const read = readYamlSource(job.root, job.files[i]!);
        encoder.add(read, read.loaded.value === undefined ? undefined : schemaFindings(read.loaded, "request"));
      }
      port.postMessage({ chunk: encoder.finish() });
    }
    port.postMessage({ done: true });
  } catch (e) {
    // The main thread redoes whatever was not posted; this only says why.
    port.postMessage({ failed: e instanceof Error ? e.message : String(e) });
  }
});
