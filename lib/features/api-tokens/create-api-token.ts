// Creates a personal API token for the caller, optionally ending after a given day and
// limited to some of the caller's businesses. The clear token is returned once, here,
// and never stored. Creation goes into the user's security log (without the secret).
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { parseOrThrow } from "@/lib/platform/validation";
import type { Caller } from "@/lib/features/businesses/access";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import {
  createApiTokenInputSchema,
  endOfAmsterdamDay,
  MAX_ACTIVE_TOKENS,
  MAX_EXPIRY_DAYS,
  scopeToDb,
  toApiTokenDto,
  type ApiTokenDto,
} from "@/lib/features/api-tokens/api-token.types";
import { generateApiToken } from "@/lib/features/api-tokens/token-format";

export async function createApiToken(options: {
  caller: Caller;
  input: unknown;
  now?: Date;
}): Promise<{ token: ApiTokenDto; secret: string }> {
  const input = parseOrThrow(createApiTokenInputSchema, options.input);
  const { userId } = options.caller;
  const now = options.now ?? new Date();
  let expiresAt: Date | null = null;
  if (input.expiresOn) {
    const today = amsterdamToday(now);
    const latest = new Date(now.getTime() + MAX_EXPIRY_DAYS * 86_400_000);
    expiresAt = endOfAmsterdamDay(input.expiresOn);
    if (input.expiresOn <= today || expiresAt > latest) {
      throw new AppError("VALIDATION_FAILED", "Invalid expiry", { fields: { expiresOn: "apiTokens.errors.expiry" } });
    }
  }
  return db().$transaction(async (tx) => {
    const active = await tx.apiToken.count({ where: { userId, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new AppError("CONFLICT", "Too many tokens", { fields: { name: "apiTokens.errors.tooMany" } });
    }
    // Only businesses the caller belongs to (another's, or a stranger's, reads as absent).
    const names = new Map<string, string>();
    if (input.businessIds.length > 0) {
      const memberships = await tx.membership.findMany({
        where: { userId, businessId: { in: input.businessIds } },
        select: { business: { select: { id: true, name: true } } },
      });
      for (const { business } of memberships) names.set(business.id, business.name);
      if (names.size !== input.businessIds.length) {
        throw new AppError("VALIDATION_FAILED", "Unknown business", { fields: { businessIds: "validation.invalid" } });
      }
    }
    const generated = generateApiToken();
    const row = await tx.apiToken.create({
      data: {
        userId,
        name: input.name,
        scope: scopeToDb(input.scope),
        prefix: generated.prefix,
        tokenHash: generated.tokenHash,
        expiresAt,
        businessIds: input.businessIds,
      },
    });
    const token = toApiTokenDto(row, names);
    await writeAuditLog(tx, {
      businessId: null,
      actorId: userId,
      action: "security.apiTokenCreate",
      entityType: "ApiToken",
      entityId: row.id,
      after: { name: token.name, prefix: token.prefix, scope: token.scope, expiresAt: token.expiresAt, businessIds: input.businessIds },
    });
    return { token, secret: generated.token };
  });
}
