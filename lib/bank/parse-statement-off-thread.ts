// Reads a bank statement in a worker thread, so that a large file does not stall every
// other request on the web server's event loop. The worker is started per file (a parse
// of a large file dwarfs its start-up), fenced by a time limit and a heap limit, and ended
// when it answers; its failures come back as the same BankStatementError as a direct parse.
// At most MAX_PARALLEL_PARSES workers run at once; further files wait their turn.
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { WorkerMessage } from "@/lib/bank/formats/parse-worker";
import { BankStatementError, type BankLine, type BankStatement } from "@/lib/bank/statement.types";

// Resolved from the project root, not from import.meta.url: inside the Next.js server
// bundle this module's URL points into .next/, where the worker's source is not. The
// worker runs the TypeScript source through tsx, as the server itself does (scripts/start.mjs);
// the entry registers it, as Node 20 does not pass a parent's `--import tsx` on to workers.
// The build must leave the file alone (turbopackIgnore, on the path and the Worker): Turbopack follows a
// `new Worker(path)` it can work out and would bundle the entry, tsx and esbuild with it,
// which fails the build.
const WORKER_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "lib/bank/formats/parse-worker-entry.mjs");

/** Each worker can use a core and its heap; more at once would only slow each other. */
export const MAX_PARALLEL_PARSES = Math.max(1, Math.min(4, availableParallelism() - 1));

export type OffThreadOptions = {
  /** The worker is ended and the file refused after this long (default 60 s), waiting excluded. */
  timeoutMs?: number;
  /** The worker's heap limit in MB (default 512). */
  maxHeapMb?: number;
};

let running = 0;
const waiting: (() => void)[] = [];

/** How many workers are reading a statement now (for tests and monitoring). */
export function parsesRunning(): number {
  return running;
}

async function takeTurn(): Promise<() => void> {
  if (running >= MAX_PARALLEL_PARSES) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running -= 1;
    waiting.shift()?.();
  };
}

function parseInWorker(bytes: Uint8Array, timeoutMs: number, maxHeapMb: number): Promise<BankStatement> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(/* turbopackIgnore: true */ WORKER_FILE, {
      // A larger young generation than V8's default: the parsers allocate many short-lived
      // objects, and fewer scavenges took about a tenth off a 50,000-line CAMT.053 parse.
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 96 },
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(new BankStatementError("bank.errors.parseFailed"))), timeoutMs);
    // One piece at a time, the next asked for on a later turn of the event loop, so that
    // timers and other requests run between the pieces.
    const lines: BankLine[] = [];
    worker.on("message", (message: WorkerMessage) => {
      if (message.kind === "lines") {
        for (const line of message.lines) lines.push(line);
        setImmediate(() => {
          if (!settled) worker.postMessage("next");
        });
      } else if (message.kind === "done") finish(() => resolve({ ...message.statement, lines }));
      else finish(() => reject(new BankStatementError(message.key, message.detail)));
    });
    // A crash or the heap limit: the file is refused like any unreadable file.
    worker.once("error", () => finish(() => reject(new BankStatementError("bank.errors.parseFailed"))));
    worker.once("exit", () => finish(() => reject(new BankStatementError("bank.errors.parseFailed"))));
    // A copy, so the caller's buffer stays usable; the copy's memory moves to the worker.
    const copy = bytes.slice();
    worker.postMessage(copy, [copy.buffer]);
  });
}

export async function parseStatementOffThread(bytes: Uint8Array, options: OffThreadOptions = {}): Promise<BankStatement> {
  const release = await takeTurn();
  try {
    return await parseInWorker(bytes, options.timeoutMs ?? 60_000, options.maxHeapMb ?? 512);
  } finally {
    release();
  }
}
