// The API's rate limit: API_RATE_LIMIT requests per API_RATE_WINDOW_SECONDS per API token,
// or per user for calls with the web session. Over it: RATE_LIMITED (429 + Retry-After).
// The counter lives in PostgreSQL (shared by every instance) and is written without
// waiting for the WAL flush, so it costs one round trip and no fsync per request.
import type { ApiCaller } from "@/lib/api/resolve-api-caller";
import { env } from "@/lib/env";
import { enforceRateLimits } from "@/lib/rate-limit/hit-rate-limit";

export function apiRateLimitKey(caller: ApiCaller): string {
  return caller.via === "token" && caller.tokenId ? `api:token:${caller.tokenId}` : `api:user:${caller.userId}`;
}

export async function enforceApiRateLimit(caller: ApiCaller): Promise<void> {
  const { API_RATE_LIMIT: limit, API_RATE_WINDOW_SECONDS: windowSeconds } = env();
  await enforceRateLimits([{ key: apiRateLimitKey(caller), limit, windowSeconds, relaxedDurability: true }], `Rate limit of ${limit} requests per ${windowSeconds} s exceeded`);
}
