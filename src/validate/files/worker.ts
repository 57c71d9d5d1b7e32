// The reading thread of the parallel per-file stage (see check-files.ts): it claims chunks of the
// file list from a shared counter, reads and parses each file and checks it against the request
// schema, and posts them back in their compact form (check-wire.ts); the thread that asked runs
// the file rules on them.
import { parentPort } from "node:worker_threads";
import { claimRange } from "../../load/parallel-job.ts";
import type { ReadingJob, WorkerMessage } from "./check-files.ts";
import { readYamlSource } from "../../load/read.ts";
import { encodeChunk } from "./check-wire.ts";
import type { LoadedSource } from "../../load/parse.ts";
import { schemaFindings } from "../schema.ts";
import { saveCodeCache } from "../../load/save-code-cache.mjs";

const port = parentPort!;
port.once("message", (job: ReadingJob) => {
  // Chunks go to the job's own port, where the other thread takes them when it is ready (see
  // ReadingJob); each is announced on the parent port, which wakes that thread if it waits.
  const out = job.port ?? port;
  let chunks = 0;
  try {
    for (let range = claimRange(job); range; range = claimRange(job), chunks++) {
      // A chunk at a time, one step after the other (read and parse all, check all, pack all):
      // measured ~10% less CPU than reading, checking and packing file by file.
      const read: LoadedSource[] = [];
      for (let i = range.start; i < range.end; i++) read.push(readYamlSource(job.root, job.files[i]!));
      const findings = read.map(({ loaded }) => (loaded.value === undefined ? undefined : schemaFindings(loaded, "request")));
      out.postMessage({ chunk: encodeChunk(range.start, read, findings) } satisfies WorkerMessage);
      if (job.port) port.postMessage({ sent: true } satisfies WorkerMessage);
    }
    // Before the word that ends this thread: its code cache, the first time (run-bundle.mjs),
    // once it has read something (a thread that found no file left compiled nothing worth keeping).
    if (chunks > 0) saveCodeCache();
    port.postMessage({ done: true });
  } catch (e) {
    // The main thread redoes whatever was not posted; this only says why.
    port.postMessage({ failed: e instanceof Error ? e.message : String(e) });
  }
});
