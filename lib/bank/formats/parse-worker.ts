// The worker thread's side of parseStatementOffThread: reads one statement and hands it
// back in pieces, the lines a thousand at a time and then the statement without its lines,
// each piece only when the main thread asks for the next ("next"): Node delivers all queued
// messages in one go, so pieces sent unasked would block the main thread as one large
// message does. Or it posts the reason the file could not be read.
import { parentPort } from "node:worker_threads";
import { parseBankStatement } from "@/lib/bank/formats";
import { BankStatementError, type BankLine, type BankStatement } from "@/lib/bank/statement.types";

export const LINES_PER_MESSAGE = 1000;

export type WorkerMessage =
  | { kind: "lines"; lines: BankLine[] }
  | { kind: "done"; statement: Omit<BankStatement, "lines"> }
  | { kind: "refused"; key: string; detail: { line?: number; value?: string } };

parentPort?.once("message", (bytes: Uint8Array) => {
  const port = parentPort!;
  let statement: BankStatement;
  try {
    statement = parseBankStatement(bytes);
  } catch (error) {
    const refusal: WorkerMessage =
      error instanceof BankStatementError
        ? { kind: "refused", key: error.key, detail: error.detail }
        : { kind: "refused", key: "bank.errors.parseFailed", detail: {} };
    port.postMessage(refusal);
    return;
  }
  const { lines, ...rest } = statement;
  let start = 0;
  const sendNext = () => {
    if (start >= lines.length) {
      port.postMessage({ kind: "done", statement: rest } satisfies WorkerMessage);
      return;
    }
    port.postMessage({ kind: "lines", lines: lines.slice(start, start + LINES_PER_MESSAGE) } satisfies WorkerMessage);
    start += LINES_PER_MESSAGE;
  };
  port.on("message", (request) => {
    if (request === "next") sendNext();
  });
  sendNext();
});
