// Idempotency-Key for POST: the first answer to a key is stored per user and replayed
// for a retry with the same request; the same key with another request is refused.
//
// Two ways to run the work, one guarantee: never two effects for one key.
// - joined (`run(tx)`): the record is inserted in the work's own transaction. A
//   concurrent request with the same key blocks on the unique (userId, key) index until
//   the first commits, then replays its answer; if the first rolls back, nothing was
//   done and the next one runs. Record and effect commit together or not at all.
// - reserved (`run()`): for work that opens its own transaction. A pending record is
//   committed first; a concurrent duplicate gets 409 IDEMPOTENCY_IN_PROGRESS. A failed
//   run removes its reservation, so the client may retry with the same key.
// Only successful answers are stored: a refused request changed nothing, so a client
// may correct it and send it again under the same key.
// A stored answer holds what was created (an invoice, a business): it is replayed only
// after `authorizeReplay` passed for the current caller, the access check the request
// itself would have made; a caller who lost access since gets its error (404) instead.
// The records are their user's own under row-level security as well.
import crypto from "node:crypto";
import { db, type Tx } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { Prisma } from "@/lib/platform/db/generated/prisma/client";

export const IDEMPOTENCY_HEADER = "idempotency-key";
/** A stored answer is replayed for a day; after that the key may be used afresh. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const PENDING = 0;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export type StoredAnswer = { status: number; body: unknown; replayed: boolean };

/** The header's key, or undefined when none was sent; 400 for an unusable one. */
export function readIdempotencyKey(request: Request): string | undefined {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return undefined;
  if (!KEY_PATTERN.test(key.trim())) {
    throw new AppError("VALIDATION_FAILED", "Invalid Idempotency-Key", { fields: { "Idempotency-Key": "validation.invalid" } });
  }
  return key.trim();
}

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` are one request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** What makes two requests "the same": method, path and body. */
export function requestFingerprint(options: { method: string; path: string; body: unknown }): string {
  return crypto
    .createHash("sha256")
    .update(`${options.method.toUpperCase()} ${options.path}\n${canonicalJson(options.body)}`)
    .digest("hex");
}

type Options = {
  userId: string;
  key: string;
  fingerprint: string;
  /** Throws (e.g. NOT_FOUND) when the caller may no longer see what `answer` shows. */
  authorizeReplay: (answer: { status: number; body: unknown }) => Promise<unknown>;
};

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

class KeyTaken extends Error {}

async function existingAnswer({ userId, key, fingerprint, authorizeReplay }: Options): Promise<StoredAnswer | null> {
  const record = await db().idempotencyRecord.findUnique({ where: { userId_key: { userId, key } } });
  if (!record) return null;
  if (Date.now() - record.createdAt.getTime() > IDEMPOTENCY_TTL_MS) {
    await db().idempotencyRecord.deleteMany({ where: { id: record.id } });
    return null;
  }
  if (record.requestHash !== fingerprint) {
    throw new AppError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for a different request");
  }
  if (record.statusCode === PENDING) {
    throw new AppError("IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still running", { retryAfterSeconds: 1 });
  }
  const answer = { status: record.statusCode, body: record.response };
  await authorizeReplay(answer);
  return { ...answer, replayed: true };
}

async function insertRecord(client: Tx | ReturnType<typeof db>, options: Options, status: number, body: unknown) {
  try {
    return await client.idempotencyRecord.create({
      data: {
        userId: options.userId,
        key: options.key,
        requestHash: options.fingerprint,
        statusCode: status,
        response: body as Prisma.InputJsonValue,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new KeyTaken();
    throw error;
  }
}

/** Runs `run` inside one transaction with the record of its answer. */
export async function withIdempotency(
  options: Options & { run: (tx: Tx) => Promise<{ status: number; body: unknown }> },
): Promise<StoredAnswer> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await existingAnswer(options);
    if (stored) return stored;
    try {
      return await db().$transaction(async (tx) => {
        const record = await insertRecord(tx, options, PENDING, {});
        const answer = await options.run(tx);
        await tx.idempotencyRecord.update({
          where: { id: record.id },
          data: { statusCode: answer.status, response: answer.body as Prisma.InputJsonValue },
        });
        return { ...answer, replayed: false };
      });
    } catch (error) {
      // Another request with this key committed first: answer with its result.
      if (!(error instanceof KeyTaken)) throw error;
    }
  }
  throw new AppError("IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still running", { retryAfterSeconds: 1 });
}

/** For work that opens its own transaction: reserve the key, run, then record the answer. */
export async function withReservedIdempotency(
  options: Options & { run: () => Promise<{ status: number; body: unknown }> },
): Promise<StoredAnswer> {
  const stored = await existingAnswer(options);
  if (stored) return stored;
  let recordId: string;
  try {
    recordId = (await insertRecord(db(), options, PENDING, {})).id;
  } catch (error) {
    if (!(error instanceof KeyTaken)) throw error;
    const winner = await existingAnswer(options);
    if (winner) return winner;
    throw new AppError("IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still running", { retryAfterSeconds: 1 });
  }
  try {
    const answer = await options.run();
    await db().idempotencyRecord.update({
      where: { id: recordId },
      data: { statusCode: answer.status, response: answer.body as Prisma.InputJsonValue },
    });
    return { ...answer, replayed: false };
  } catch (error) {
    await db()
      .idempotencyRecord.deleteMany({ where: { id: recordId } })
      .catch(() => undefined);
    throw error;
  }
}
