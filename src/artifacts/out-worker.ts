// The second thread of a large plan (see out-thread.ts): it writes the parts of out/ it is handed,
// one job after another, while the main thread computes the rest. It counts each file written in
// flags[PROGRESS], posts each job's result on the reply port, then counts the job in flags[DONE]:
// the main thread waits on that flag, not on its event loop, because the plan is synchronous.
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { OutFolder } from "./out-folder.ts";
import { runOutJob, type OutJob } from "./out-jobs.ts";
import { DONE, PROGRESS, type OutResult } from "./out-thread-flags.ts";

const { flags, reply } = workerData as { flags: Int32Array; reply: MessagePort };
parentPort!.on("message", (m: { out: string; fresh: string[]; job: OutJob }) => {
  let result: OutResult;
  try {
    const o = new OutFolder(m.out, m.fresh);
    runOutJob(o, m.job, () => Atomics.add(flags, PROGRESS, 1));
    result = { written: o.written };
  } catch (e) {
    result = { error: e instanceof Error ? e.message : String(e) };
  }
  reply.postMessage(result);
  Atomics.add(flags, DONE, 1);
  Atomics.notify(flags, DONE);
});
