// out/kubernetes/ written on a second thread. A full plan of 15,000 requests renders ~3,000 tenant
// files (36 MB of YAML) and creates as many files, ~0.6 s of a 2-core machine's time; on a second
// thread that overlaps the zone, the registry, the base and the diff, which the main thread
// computes meanwhile. The thread runs one bundled file (src/load/worker-bundle.ts), so its code
// loads in ~60 ms, while the main thread computes the desired state.
//
// The plan is synchronous (its callers are), so the main thread waits with Atomics.wait on a
// shared flag and takes the result with receiveMessageOnPort, never through its event loop. A
// thread that fails, or stops making progress, yields nothing, and the caller writes the files
// itself: the same function (manifest-files.ts), the same bytes.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import type { Tenant } from "../state/types.ts";
import type { ClusterSettings } from "../targets/kubernetes/manifests.ts";
import { workerBundle } from "../load/worker-bundle.ts";
import { DONE, PROGRESS, type ManifestResult } from "./manifest-thread-flags.ts";

/** Seconds without a tenant written after which the thread counts as stalled. */
const STALL_SECONDS = 30;

export class ManifestThread {
  private constructor(
    private readonly worker: Worker,
    private readonly reply: MessagePort,
    private readonly flags: Int32Array,
  ) {}

  /** Starts the thread (its code loads meanwhile); undefined when it cannot be had. */
  static start(): ManifestThread | undefined {
    const bundle = workerBundle(new URL("./manifest-worker.ts", import.meta.url));
    if (!bundle) return undefined;
    try {
      const flags = new Int32Array(new SharedArrayBuffer(8));
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(pathToFileURL(bundle), { workerData: { flags, reply: port2 }, transferList: [port2] });
      // Its failures come back as "no result"; an unheard 'error' event would end the process later.
      worker.on("error", () => undefined);
      worker.unref();
      return new ManifestThread(worker, port1, flags);
    } catch {
      return undefined;
    }
  }

  /** Hands the thread its work: out/ exists by now, so the thread makes only out/kubernetes/. */
  begin(out: string, tenants: readonly Tenant[], cluster: ClusterSettings): void {
    this.worker.postMessage({ out, tenants, cluster });
  }

  /** Waits for the thread: the paths it wrote, or undefined when it failed or stalled (then the caller writes them). */
  finish(): string[] | undefined {
    let progress = -1;
    let idle = 0;
    while (Atomics.load(this.flags, DONE) === 0 && idle < STALL_SECONDS) {
      if (Atomics.wait(this.flags, DONE, 0, 1000) !== "timed-out") continue;
      const now = Atomics.load(this.flags, PROGRESS);
      idle = now === progress ? idle + 1 : 0;
      progress = now;
    }
    const result = receiveMessageOnPort(this.reply)?.message as ManifestResult | undefined;
    this.stop();
    return result && "written" in result ? result.written : undefined;
  }

  /** Ends the thread, whatever it is doing. */
  stop(): void {
    this.reply.close();
    void this.worker.terminate();
  }
}
