// The second thread of a large plan (see manifest-thread.ts): it writes out/kubernetes/ while the
// main thread computes the rest. It counts each tenant written in flags[PROGRESS], posts its
// result on the reply port, then sets flags[DONE]: the main thread waits on that flag, not on
// its event loop, because the plan is synchronous.
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import type { Tenant } from "../state/types.ts";
import type { ClusterSettings } from "../targets/kubernetes/manifests.ts";
import { OutFolder } from "./out-folder.ts";
import { writeManifests } from "./manifest-files.ts";
import { DONE, PROGRESS, type ManifestResult } from "./manifest-thread-flags.ts";

const { flags, reply } = workerData as { flags: Int32Array; reply: MessagePort };
parentPort!.once("message", (job: { out: string; tenants: Tenant[]; cluster: ClusterSettings }) => {
  let result: ManifestResult;
  try {
    const o = new OutFolder(job.out);
    writeManifests(o, job.tenants, job.cluster, () => Atomics.add(flags, PROGRESS, 1));
    result = { written: o.written };
  } catch (e) {
    result = { error: e instanceof Error ? e.message : String(e) };
  }
  reply.postMessage(result);
  Atomics.store(flags, DONE, 1);
  Atomics.notify(flags, DONE);
});
