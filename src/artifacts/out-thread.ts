// Parts of out/ written on a second thread. A full plan of 15,000 requests renders ~3,000 tenant
// files (36 MB of YAML) and creates as many files, and an 8 MB registry: most of a second of a
// 2-core machine's time, which on a second thread overlaps the desired state's comparison with
// the base, the registry rows and the zone, computed meanwhile on the main thread. The thread runs
// one bundled file (src/load/worker-bundle.ts), so its code loads in ~60 ms, while the main thread
// computes the desired state.
//
// The plan is synchronous (its callers are), so the main thread waits with Atomics.wait on a
// shared counter and takes the results with receiveMessageOnPort, never through its event loop.
// A job that fails, or a thread that stops making progress, yields no result, and the caller
// writes those files itself: the same function (out-jobs.ts), the same bytes. The tenants' files
// are claimed from a counter both threads share (artifacts.ts): the main thread, done with its own
// part, writes the ones this thread has not reached rather than wait.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import { workerBundle } from "../load/worker-bundle.ts";
import type { OutJob } from "./out-jobs.ts";
import { DONE, PROGRESS, type OutResult } from "./out-thread-flags.ts";

/**
 * The thread's young generation: its garbage is short-lived text, and with Node's default the
 * thread added ~45 MB to the plan's peak RSS, ~30 MB this way (15,000 requests, Node 20).
 */
const YOUNG_GENERATION_MB = 8;

/** Seconds without a file written after which the thread counts as stalled. */
const STALL_SECONDS = 30;

export class OutThread {
  private posted = 0;

  private constructor(
    private readonly worker: Worker,
    private readonly reply: MessagePort,
    private readonly flags: Int32Array,
  ) {}

  /** Starts the thread (its code loads meanwhile); undefined when it cannot be had. */
  static start(): OutThread | undefined {
    const bundle = workerBundle(new URL("./out-worker.ts", import.meta.url));
    if (!bundle) return undefined;
    try {
      const flags = new Int32Array(new SharedArrayBuffer(8));
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(pathToFileURL(bundle), { workerData: { flags, reply: port2 }, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      // Its failures come back as "no result"; an unheard 'error' event would end the process later.
      worker.on("error", () => undefined);
      worker.unref();
      return new OutThread(worker, port1, flags);
    } catch {
      return undefined;
    }
  }

  /** Hands the thread a job for out/ (which exists by now); `fresh`: its folders this run made. */
  post(out: string, fresh: readonly string[], job: OutJob): void {
    this.worker.postMessage({ out, fresh, job });
    this.posted++;
  }

  /** Waits for the thread: each posted job's paths written, in order, or undefined for a job that failed or never finished (the caller writes it). */
  finish(): (string[] | undefined)[] {
    let progress = -1;
    let idle = 0;
    while (Atomics.load(this.flags, DONE) < this.posted && idle < STALL_SECONDS) {
      const done = Atomics.load(this.flags, DONE);
      if (Atomics.wait(this.flags, DONE, done, 1000) !== "timed-out") continue;
      const now = Atomics.load(this.flags, PROGRESS);
      idle = now === progress ? idle + 1 : 0;
      progress = now;
    }
    const results: (string[] | undefined)[] = [];
    for (let i = 0; i < this.posted; i++) {
      const r = receiveMessageOnPort(this.reply)?.message as OutResult | undefined;
      results.push(r && "written" in r ? r.written : undefined);
    }
    this.stop();
    return results;
  }

  /** Ends the thread, whatever it is doing. */
  stop(): void {
    void this.halt();
  }

  /** Ends the thread, whatever it is doing; resolved once it can write nothing more. */
  async halt(): Promise<void> {
    this.reply.close();
    await this.worker.terminate();
  }
}
