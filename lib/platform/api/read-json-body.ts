// Reads a JSON request body defensively: the right content type (415), at most
// MAX_BODY_BYTES both as declared and as actually streamed (413), UTF-8 that parses
// (400 MALFORMED_JSON) and an object at the top (400 VALIDATION_FAILED).
import { AppError } from "@/lib/platform/errors";
import { invalidTextFields } from "@/lib/platform/validation";

export const MAX_BODY_BYTES = 1024 * 1024;
/** No request body of the API nests deeper than a few levels; the fuzz test found that a
 * body nested thousands of levels deep overflowed the stack of recursive code after the
 * parse (the idempotency fingerprint) and answered 500. */
export const MAX_JSON_DEPTH = 32;

/** Whether a parsed JSON value nests objects and arrays deeper than `limit` (iterative: any depth is safe to ask). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

export function isJsonContentType(header: string | null): boolean {
  const mediaType = (header ?? "").split(";")[0]!.trim().toLowerCase();
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The body may be at most ${maxBytes} bytes`);
}

export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The parsed body of a JSON request: always a plain object. */
export async function readJsonBody(request: Request, options: { maxBytes?: number } = {}): Promise<Record<string, unknown>> {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json");
  }
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  const bytes = await readBytes(request, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("MALFORMED_JSON", "The body is not valid JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AppError("VALIDATION_FAILED", "Expected a JSON object", { fields: { _: "validation.object" } });
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
    throw new AppError("VALIDATION_FAILED", `The body nests deeper than ${MAX_JSON_DEPTH} levels`, { fields: { _: "validation.invalid" } });
  }
  // NUL and other characters no text may hold, named by field before anything stores them.
  const invalid = invalidTextFields(value);
  if (Object.keys(invalid).length)
    throw new AppError("VALIDATION_FAILED", "The body holds characters that are not allowed", { fields: invalid });
  return value as Record<string, unknown>;
}
