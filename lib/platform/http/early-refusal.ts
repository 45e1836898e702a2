// What server.ts answers itself, before Next.js sees a request: a method no route serves
// (TRACE, CONNECT, PROPFIND …) is 405 with Allow, and a server action's body above
// SERVER_ACTION_BODY_LIMIT_BYTES is 413 with a message — both used to end in a 500 inside
// Next.js. API route handlers keep their own limits (lib/platform/api/read-json-body.ts: 413).
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/platform/http/body-limits";

export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type EarlyRefusal = { status: number; headers: Record<string, string>; body: string };

const MB = 1024 * 1024;

export function earlyRefusal(request: {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}): EarlyRefusal | null {
  const method = (request.method ?? "GET").toUpperCase();
  const isApi = (request.url ?? "/").startsWith("/api/");
  const json = (status: number, code: string, message: string, headers: Record<string, string> = {}): EarlyRefusal =>
    isApi
      ? {
          status,
          headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
          body: JSON.stringify({ error: { code, message } }),
        }
      : { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers }, body: `${message}\n` };
  if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
    return json(405, "METHOD_NOT_ALLOWED", `Method ${method} is not allowed`, { allow: ALLOWED_METHODS.join(", ") });
  }
  if (method === "POST" && !isApi) {
    const declared = request.headers["content-length"];
    const length = typeof declared === "string" && /^\d+$/.test(declared.trim()) ? Number(declared) : 0;
    if (length > SERVER_ACTION_BODY_LIMIT_BYTES) {
      // No "connection: close": Node.js then reads and discards the rest of the body, so the
      // client, still sending, gets to read this answer instead of a broken pipe.
      return json(413, "PAYLOAD_TOO_LARGE", `The request body may be at most ${SERVER_ACTION_BODY_LIMIT_BYTES / MB} MB`);
    }
  }
  return null;
}
