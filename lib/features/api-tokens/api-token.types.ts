// The boundary of personal API tokens: what the settings form sends, what it shows.
import { z } from "zod";
import { isoDate, optionalText } from "@/lib/platform/validation";

export const API_TOKEN_SCOPES = ["read", "read_write"] as const;
export type ApiTokenScopeJson = (typeof API_TOKEN_SCOPES)[number];

/** A user keeps at most this many live tokens; revoked ones do not count. */
export const MAX_ACTIVE_TOKENS = 25;
/** How far ahead an expiry may be set (days). */
export const MAX_EXPIRY_DAYS = 5 * 366;
/** At most this many businesses on one token. */
export const MAX_TOKEN_BUSINESSES = 100;

export const createApiTokenInputSchema = z
  .object({
    name: z.string("validation.required").trim().min(1, "validation.required").max(80, "validation.tooLong"),
    scope: z.enum(API_TOKEN_SCOPES, "validation.invalid"),
    // The last day the token works (Europe/Amsterdam); absent or "": it does not expire.
    expiresOn: optionalText(isoDate),
    // The businesses the token may reach, each one the user can see; absent or []: all.
    businessIds: z
      .array(z.uuid("validation.invalid"), "validation.invalid")
      .max(MAX_TOKEN_BUSINESSES, "validation.invalid")
      .optional()
      .transform((ids) => [...new Set(ids ?? [])]),
  })
  .strict();

export type ApiTokenDto = {
  id: string;
  name: string;
  prefix: string;
  scope: ApiTokenScopeJson;
  createdAt: string;
  lastUsedAt: string | null;
  /** The moment it stops working; null: never. */
  expiresAt: string | null;
  /** The businesses it is limited to (those the user still sees); empty: all of the user's. */
  businesses: { id: string; name: string }[];
  /** Whether it was limited to businesses at all (even when the user no longer sees one of them). */
  limited: boolean;
};

export const scopeToDb = (scope: ApiTokenScopeJson) => (scope === "read" ? ("READ" as const) : ("READ_WRITE" as const));

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  scope: "READ" | "READ_WRITE";
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  businessIds: string[];
};

export function toApiTokenDto(row: TokenRow, names: ReadonlyMap<string, string> = new Map()): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope === "READ" ? "read" : "read_write",
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
    expiresAt: row.expiresAt ? row.expiresAt.toISOString() : null,
    businesses: row.businessIds.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : [])),
    limited: row.businessIds.length > 0,
  };
}

/** The first moment after `isoDay` in Europe/Amsterdam: when a token that works through that day stops. */
export function endOfAmsterdamDay(isoDay: string): Date {
  const [year, month, day] = isoDay.split("-").map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, day + 1);
  // Amsterdam's offset at (about) that moment; midnight is never inside a DST change there.
  const offset = (at: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", {
        timeZone: "Europe/Amsterdam",
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      })
        .formatToParts(new Date(at))
        .map((part) => [part.type, Number(part.value)]),
    ) as Record<string, number>;
    return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - at;
  };
  return new Date(midnightUtc - offset(midnightUtc - offset(midnightUtc)));
}
