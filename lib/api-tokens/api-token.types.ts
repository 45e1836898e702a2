// The boundary of personal API tokens: what the settings form sends, what it shows.
import { z } from "zod";

export const API_TOKEN_SCOPES = ["read", "read_write"] as const;
export type ApiTokenScopeJson = (typeof API_TOKEN_SCOPES)[number];

/** A user keeps at most this many live tokens; revoked ones do not count. */
export const MAX_ACTIVE_TOKENS = 25;

export const createApiTokenInputSchema = z
  .object({
    name: z.string("validation.required").trim().min(1, "validation.required").max(80, "validation.tooLong"),
    scope: z.enum(API_TOKEN_SCOPES, "validation.invalid"),
  })
  .strict();

export type ApiTokenDto = {
  id: string;
  name: string;
  prefix: string;
  scope: ApiTokenScopeJson;
  createdAt: string;
  lastUsedAt: string | null;
};

export const scopeToDb = (scope: ApiTokenScopeJson) => (scope === "read" ? ("READ" as const) : ("READ_WRITE" as const));

export function toApiTokenDto(row: { id: string; name: string; prefix: string; scope: "READ" | "READ_WRITE"; createdAt: Date; lastUsedAt: Date | null }): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope === "READ" ? "read" : "read_write",
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
  };
}
