// The API's rate limit: API_RATE_LIMIT requests per API_RATE_WINDOW_SECONDS per API token,
// or per user for calls with the web session. Over it: RATE_LIMITED (429 + Retry-After).
// The default store is PostgreSQL (shared by every instance), written without waiting
// for the WAL flush and, for a token, in the statement that looks the token up: no extra
// round trip and no fsync per request. API_RATE_LIMIT_STORE=memory
// counts in this process instead (no I/O; per process). scripts/measure-rate-limit.ts
// measures both.
import type { ApiCaller } from "@/lib/platform/api/resolve-api-caller";
import { apiTokenRateKey } from "@/lib/features/api-tokens/authenticate-api-token";
import { env } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import { hitRateLimit } from "@/lib/platform/rate-limit/hit-rate-limit";
import { hitMemoryRateLimit } from "@/lib/platform/rate-limit/memory-rate-limit";

export function apiRateLimitKey(caller: ApiCaller): string {
  return caller.via === "token" && caller.tokenId ? apiTokenRateKey(caller.tokenId) : `api:user:${caller.userId}`;
}

export async function enforceApiRateLimit(caller: ApiCaller): Promise<void> {
  const { API_RATE_LIMIT: limit, API_RATE_WINDOW_SECONDS: windowSeconds, API_RATE_LIMIT_STORE: store } = env();
  const check = { key: apiRateLimitKey(caller), limit, windowSeconds };
  // A token request on the database store was counted with the token lookup.
  const result =
    caller.counted ?? (store === "memory" ? hitMemoryRateLimit(check) : await hitRateLimit({ ...check, relaxedDurability: true }));
  if (!result.allowed) {
    throw new AppError("RATE_LIMITED", `Rate limit of ${limit} requests per ${windowSeconds} s exceeded`, {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
}
