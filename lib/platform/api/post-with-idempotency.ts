// A creating POST with optional Idempotency-Key: without a key the work simply runs;
// with one, the answer is stored and replayed (see idempotency.ts). Shared by every
// POST of /api/v1, the CSV import included.
import type { Tx } from "@/lib/platform/db/client";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { readIdempotencyKey, requestFingerprint, withIdempotency, withReservedIdempotency } from "@/lib/platform/api/idempotency";
import type { ApiCaller } from "@/lib/platform/api/resolve-api-caller";

type Answer = { status: number; body: unknown };

type Options = {
  request: Request;
  caller: ApiCaller;
  /** The parsed body, part of what makes two requests "the same". */
  body: unknown;
  /**
   * The access check before a stored answer is replayed: what the request would check
   * (e.g. write access to the business), or access to what the answer shows. Throws for
   * a caller who lost access, who then gets 404 like any other request.
   */
  authorizeReplay: (answer: Answer) => Promise<unknown>;
} & (
  | { /** The work can join the record's transaction: fully atomic. */ run: (tx: Tx | undefined) => Promise<Answer>; joinTransaction: true }
  | { run: () => Promise<Answer>; joinTransaction: false }
);

export async function postWithIdempotency(options: Options): Promise<Response> {
  const { request, caller, body } = options;
  const key = readIdempotencyKey(request);
  if (key === undefined) {
    const answer = options.joinTransaction ? await options.run(undefined) : await options.run();
    return jsonResponse(answer.body, { status: answer.status });
  }
  const fingerprint = requestFingerprint({ method: request.method, path: new URL(request.url).pathname, body });
  const common = { userId: caller.userId, key, fingerprint, authorizeReplay: options.authorizeReplay };
  const answer = options.joinTransaction
    ? await withIdempotency({ ...common, run: (tx) => options.run(tx) })
    : await withReservedIdempotency({ ...common, run: () => options.run() });
  return jsonResponse(answer.body, { status: answer.status, headers: answer.replayed ? { "idempotent-replayed": "true" } : {} });
}
