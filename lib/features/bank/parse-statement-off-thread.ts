// Reads a bank statement in a worker thread, so that a large file does not stall every
// other request on the web server's event loop, and hands its lines on in pieces while it
// reads (the import stores them meanwhile). The worker is started per file (a parse of a
// large file dwarfs its start-up), fenced by a time limit and a heap limit, and ended when
// its statement is taken; its failures come back as the same BankStatementError as a direct parse.
// At most MAX_PARALLEL_PARSES workers run at once; further files wait their turn.
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { WorkerMessage } from "@/lib/features/bank/formats/parse-worker";
import {
  BankStatementError,
  type BankLine,
  type BankStatement,
  type StatementHead,
  type StatementPiece,
} from "@/lib/features/bank/statement.types";

// Resolved from the project root, not from import.meta.url: inside the Next.js server
// bundle this module's URL points into .next/, where the worker's source is not. The
// worker runs the TypeScript source through tsx, as the server itself does (scripts/start.mjs);
// the entry registers it, as Node 20 does not pass a parent's `--import tsx` on to workers.
// The build must leave the file alone (turbopackIgnore, on the path and the Worker): Turbopack follows a
// `new Worker(path)` it can work out and would bundle the entry, tsx and esbuild with it,
// which fails the build.
const WORKER_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "lib/features/bank/formats/parse-worker-entry.mjs");

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

/**
 * The statement in pieces as the worker reads it (StatementPiece: its format and accounts, then the
 * lines a thousand at a time), so the caller can store lines while the rest is read. The
 * next batch is asked for when the caller takes one: at most a few wait here. The time
 * limit ends with the reading; the worker's turn is given up then too, while the caller
 * may still be taking the last batches. Stopping early (return, throw) ends the worker.
 */
export async function* readStatementOffThread(
  bytes: Uint8Array,
  options: OffThreadOptions = {},
): AsyncGenerator<StatementPiece, StatementHead> {
  const release = await takeTurn();
  const worker = new Worker(/* turbopackIgnore: true */ WORKER_FILE, {
    // A larger young generation than V8's default: the parsers allocate many short-lived
    // objects, and fewer scavenges took about a tenth off a 50,000-line CAMT.053 parse.
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 512, maxYoungGenerationSizeMb: 96 },
  });
  const inbox: WorkerMessage[] = [];
  let failure: BankStatementError | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const fail = (error: BankStatementError) => {
    failure ??= error;
    notify();
  };
  const timer = setTimeout(() => fail(new BankStatementError("bank.errors.parseFailed")), options.timeoutMs ?? 60_000);
  worker.on("message", (message: WorkerMessage) => {
    if (message.kind === "parsed") {
      clearTimeout(timer);
      release();
    } else if (message.kind === "refused") fail(new BankStatementError(message.key, message.detail));
    else {
      inbox.push(message);
      notify();
    }
  });
  // A crash or the heap limit: the file is refused like any unreadable file.
  worker.once("error", () => fail(new BankStatementError("bank.errors.parseFailed")));
  worker.once("exit", () => fail(new BankStatementError("bank.errors.parseFailed")));
  try {
    // A copy, so the caller's buffer stays usable; the copy's memory moves to the worker.
    const copy = bytes.slice();
    worker.postMessage(copy, [copy.buffer]);
    for (;;) {
      if (failure) throw failure;
      const message = inbox.shift();
      if (!message) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.kind === "done") return message.statement;
      if (message.kind === "lines") {
        worker.postMessage("next");
        yield { kind: "lines", lines: message.lines };
      } else if (message.kind === "start") yield message;
    }
  } finally {
    clearTimeout(timer);
    release();
    void worker.terminate();
  }
}

export async function parseStatementOffThread(bytes: Uint8Array, options: OffThreadOptions = {}): Promise<BankStatement> {
  const pieces = readStatementOffThread(bytes, options);
  const lines: BankLine[] = [];
  for (let step = await pieces.next(); ; step = await pieces.next()) {
    if (step.done) return { ...step.value, lines };
    if (step.value.kind === "lines") for (const line of step.value.lines) lines.push(line);
  }
}
