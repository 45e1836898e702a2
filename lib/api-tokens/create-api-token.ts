// Creates a personal API token for the caller. The clear token is returned once, here,
// and never stored. The creation goes into the user's security log.
import { writeAuditLog } from "@/lib/audit/write-audit-log";
import { db } from "@/lib/db/client";
import { runAsUser } from "@/lib/db/db-context";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import type { Caller } from "@/lib/businesses/access";
import { createApiTokenInputSchema, MAX_ACTIVE_TOKENS, scopeToDb, toApiTokenDto, type ApiTokenDto } from "@/lib/api-tokens/api-token.types";
import { generateApiToken } from "@/lib/api-tokens/token-format";

export async function createApiToken(options: { caller: Caller; input: unknown }): Promise<{ token: ApiTokenDto; secret: string }> {
  const input = parseOrThrow(createApiTokenInputSchema, options.input);
  const { userId } = options.caller;
  const active = await db().apiToken.count({ where: { userId, revokedAt: null } });
  if (active >= MAX_ACTIVE_TOKENS) {
    throw new AppError("CONFLICT", "Too many tokens", { fields: { name: "apiTokens.errors.tooMany" } });
  }
  const generated = generateApiToken();
  const row = await runAsUser(userId, () =>
    db().$transaction(async (tx) => {
      const created = await tx.apiToken.create({
        data: { userId, name: input.name, scope: scopeToDb(input.scope), prefix: generated.prefix, tokenHash: generated.tokenHash },
      });
      await writeAuditLog(tx, { businessId: null, actorId: userId, action: "security.apiTokenCreate", entityType: "ApiToken", entityId: created.id, after: { name: created.name, scope: created.scope } });
      return created;
    }),
  );
  return { token: toApiTokenDto(row), secret: generated.token };
}
