// Creates a personal API token for the caller. The clear token is returned once, here,
// and never stored.
import { db } from "@/lib/db/client";
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
  const row = await db().apiToken.create({
    data: { userId, name: input.name, scope: scopeToDb(input.scope), prefix: generated.prefix, tokenHash: generated.tokenHash },
  });
  return { token: toApiTokenDto(row), secret: generated.token };
}
