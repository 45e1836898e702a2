// The worker thread's side of readStatementOffThread: reads one statement in pieces
// (readBankStatementInPieces) and hands them on as they come: first format and accounts, then the
// lines a thousand at a time, then the statement without its lines. The main thread gives
// it leave to send a batch of lines ("next", one batch each, a few at the start): Node
// delivers all queued messages in one go, so batches sent unasked would block the main
// thread as one large message does. It reads on while it waits, keeping the batches not
// yet asked for, and says when the reading is done ("parsed"), which ends its time limit.
// Or it posts the reason the file could not be read.
import { parentPort } from "node:worker_threads";
import { readBankStatementInPieces } from "@/lib/features/bank/formats";
import { BankStatementError, type BankLine, type StatementHead, type StatementPiece } from "@/lib/features/bank/statement.types";

export const LINES_PER_MESSAGE = 1000;
/** Batches of lines the main thread may receive before it asks for more. */
export const BATCHES_AHEAD = 2;

export type WorkerMessage =
  | Extract<StatementPiece, { kind: "start" }>
  | { kind: "lines"; lines: BankLine[] }
  | { kind: "parsed" }
  | { kind: "done"; statement: StatementHead }
  | { kind: "refused"; key: string; detail: { line?: number; value?: string } };

parentPort?.once("message", async (bytes: Uint8Array) => {
  const port = parentPort!;
  let leave = BATCHES_AHEAD;
  const outbox: WorkerMessage[] = [];
  const flush = () => {
    while (outbox.length > 0 && (outbox[0]!.kind !== "lines" || leave > 0)) {
      const message = outbox.shift()!;
      if (message.kind === "lines") leave -= 1;
      port.postMessage(message);
    }
  };
  port.on("message", (request) => {
    if (request !== "next") return;
    leave += 1;
    flush();
  });
  try {
    const pieces = readBankStatementInPieces(bytes);
    let pending: BankLine[] = [];
    for (let step = pieces.next(); ; step = pieces.next()) {
      if (step.done) {
        if (pending.length > 0) outbox.push({ kind: "lines", lines: pending });
        outbox.push({ kind: "done", statement: step.value });
        break;
      }
      const piece = step.value;
      if (piece.kind === "start") outbox.push(piece);
      else {
        for (const line of piece.lines) pending.push(line);
        while (pending.length >= LINES_PER_MESSAGE) {
          outbox.push({ kind: "lines", lines: pending.slice(0, LINES_PER_MESSAGE) });
          pending = pending.slice(LINES_PER_MESSAGE);
        }
      }
      flush();
      // A turn of this thread's event loop, so the main thread's "next" is heard while reading.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    const refusal: WorkerMessage =
      error instanceof BankStatementError
        ? { kind: "refused", key: error.key, detail: error.detail }
        : { kind: "refused", key: "bank.errors.parseFailed", detail: {} };
    port.postMessage(refusal);
    return;
  }
  port.postMessage({ kind: "parsed" } satisfies WorkerMessage);
  flush();
});
