// Personal API tokens: stored hashed, listed without secrets, revoked by their owner
// only (another user's token is "not found"), lastUsedAt written cheaply.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { apiTokenRateKey, authenticateApiToken } from "@/lib/features/api-tokens/authenticate-api-token";
import { createApiToken } from "@/lib/features/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/features/api-tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/features/api-tokens/revoke-api-token";
import { hashApiToken } from "@/lib/features/api-tokens/token-format";
import { MAX_ACTIVE_TOKENS } from "@/lib/features/api-tokens/api-token.types";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

let owner: { id: string };
let outsider: { id: string };

beforeEach(async () => {
  owner = await createUser("tokens");
  outsider = await createUser("tokens-outsider");
});

describe("createApiToken", () => {
  it("returns the secret once and stores only its hash and prefix", async () => {
    const { token, secret } = await createApiToken({ caller: { userId: owner.id }, input: { name: " Boekhoudkoppeling ", scope: "read" } });
    expect(token).toMatchObject({ name: "Boekhoudkoppeling", scope: "read", prefix: secret.slice(0, 12), lastUsedAt: null });
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(hashApiToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.scope).toBe("READ");
  });

  it("answers every invalid field and creates nothing", async () => {
    await expect(createApiToken({ caller: { userId: owner.id }, input: { name: "", scope: "admin" } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { name: "validation.required", scope: "validation.invalid" },
    });
    expect(await db().apiToken.count({ where: { userId: owner.id } })).toBe(0);
  });

  it("limits the number of live tokens", async () => {
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++)
      await createApiToken({ caller: { userId: owner.id }, input: { name: `t${i}`, scope: "read" } });
    await expect(createApiToken({ caller: { userId: owner.id }, input: { name: "one more", scope: "read" } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("listApiTokens", () => {
  it("lists the caller's live tokens and none of another user's", async () => {
    const mine = await createApiToken({ caller: { userId: owner.id }, input: { name: "mine", scope: "read_write" } });
    await createApiToken({ caller: { userId: outsider.id }, input: { name: "theirs", scope: "read" } });
    expect((await listApiTokens({ caller: { userId: owner.id } })).map((t) => t.name)).toEqual(["mine"]);
    expect((await listApiTokens({ caller: { userId: outsider.id } })).map((t) => t.id)).not.toContain(mine.token.id);
    expect(JSON.stringify(await listApiTokens({ caller: { userId: owner.id } }))).not.toContain(mine.secret);
  });
});

describe("revokeApiToken", () => {
  it("refuses another user's token with not found and leaves it working", async () => {
    const { token, secret } = await createApiToken({ caller: { userId: owner.id }, input: { name: "mine", scope: "read" } });
    await expect(revokeApiToken({ caller: { userId: outsider.id }, tokenId: token.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await authenticateApiToken({ token: secret })).toMatchObject({ userId: owner.id, scope: "READ" });
  });

  it("lets the owner revoke; the token stops working and leaves the list", async () => {
    const { token, secret } = await createApiToken({ caller: { userId: owner.id }, input: { name: "mine", scope: "read" } });
    await revokeApiToken({ caller: { userId: owner.id }, tokenId: token.id });
    expect(await authenticateApiToken({ token: secret })).toBeNull();
    expect(await listApiTokens({ caller: { userId: owner.id } })).toEqual([]);
    await expect(revokeApiToken({ caller: { userId: owner.id }, tokenId: token.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokeApiToken({ caller: { userId: owner.id }, tokenId: "not-a-uuid" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("authenticateApiToken", () => {
  it("records lastUsedAt, at most once a minute", async () => {
    const { token, secret } = await createApiToken({ caller: { userId: owner.id }, input: { name: "used", scope: "read_write" } });
    const t0 = new Date("2026-05-01T10:00:00Z");
    await authenticateApiToken({ token: secret, now: t0 });
    await authenticateApiToken({ token: secret, now: new Date(t0.getTime() + 30_000) });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toEqual(t0);
    const later = new Date(t0.getTime() + 61_000);
    await authenticateApiToken({ token: secret, now: later });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toEqual(later);
    expect((await listApiTokens({ caller: { userId: owner.id } }))[0]!.lastUsedAt).toBe(later.toISOString());
  });

  it("counts the request against the token's limit in the same statement when asked", async () => {
    const { token, secret } = await createApiToken({ caller: { userId: owner.id }, input: { name: "counted", scope: "read" } });
    const rateLimit = { limit: 2, windowSeconds: 60 };
    const first = await authenticateApiToken({ token: secret, rateLimit });
    const second = await authenticateApiToken({ token: secret, rateLimit });
    const third = await authenticateApiToken({ token: secret, rateLimit });
    expect([first?.rateLimit?.count, second?.rateLimit?.count, third?.rateLimit?.count]).toEqual([1, 2, 3]);
    expect([first?.rateLimit?.allowed, second?.rateLimit?.allowed, third?.rateLimit?.allowed]).toEqual([true, true, false]);
    expect(third?.rateLimit?.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(third?.rateLimit?.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(third).toMatchObject({ tokenId: token.id, userId: owner.id, scope: "READ" });
    // Without the option nothing is counted; a revoked token counts nothing either.
    expect((await authenticateApiToken({ token: secret }))?.rateLimit).toBeUndefined();
    await revokeApiToken({ caller: { userId: owner.id }, tokenId: token.id });
    expect(await authenticateApiToken({ token: secret, rateLimit })).toBeNull();
    expect((await db().rateLimit.findUniqueOrThrow({ where: { key: apiTokenRateKey(token.id) } })).count).toBe(3);
  });

  it("knows no unknown or malformed token", async () => {
    expect(await authenticateApiToken({ token: `drp_${"A".repeat(43)}` })).toBeNull();
    expect(await authenticateApiToken({ token: '\'; DROP TABLE "ApiToken"; --' })).toBeNull();
  });
});

describe("expiry and business scope (issue #15)", () => {
  it("a token with an expiry works until the end of that day (Amsterdam) and is refused after it", async () => {
    const { token, secret } = await createApiToken({
      caller: { userId: owner.id },
      input: { name: "kort", scope: "read", expiresOn: "2099-06-30" },
      now: new Date("2099-06-01T12:00:00Z"),
    });
    expect(token.expiresAt).toBe("2099-06-30T22:00:00.000Z");
    expect(await authenticateApiToken({ token: secret, now: new Date("2099-06-30T21:59:59Z") })).toMatchObject({ userId: owner.id });
    expect(await authenticateApiToken({ token: secret, now: new Date("2099-06-30T22:00:00Z") })).toBeNull();
    // Without an expiry a token works as before.
    const { token: open } = await createApiToken({ caller: { userId: owner.id }, input: { name: "open", scope: "read" } });
    expect(open.expiresAt).toBeNull();
  });

  it("refuses an expiry in the past or today, and a malformed one, naming the field", async () => {
    // In the past, today (Amsterdam), more than five years ahead, not a date, not a day.
    const today = new Date().toISOString().slice(0, 10);
    for (const expiresOn of ["2020-01-01", today, "2099-12-31", "31-12-2099", "2099-02-30"]) {
      await expect(createApiToken({ caller: { userId: owner.id }, input: { name: "x", scope: "read", expiresOn } })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { expiresOn: expect.any(String) },
      });
    }
    expect(await db().apiToken.count({ where: { userId: owner.id } })).toBe(0);
  });

  it("a token may be limited to businesses the user can see; another user's business is refused", async () => {
    const mine = await createOwnedBusiness(owner.id, "Scope BV");
    const theirs = await createOwnedBusiness(outsider.id, "Niet van mij BV");
    const { token, secret } = await createApiToken({
      caller: { userId: owner.id },
      input: { name: "één", scope: "read", businessIds: [mine.id] },
    });
    expect(token.businesses).toEqual([{ id: mine.id, name: "Scope BV" }]);
    expect(await authenticateApiToken({ token: secret })).toMatchObject({ userId: owner.id, businessIds: [mine.id] });
    await expect(
      createApiToken({ caller: { userId: owner.id }, input: { name: "twee", scope: "read", businessIds: [theirs.id] } }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { businessIds: "validation.invalid" },
    });
    expect((await listApiTokens({ caller: { userId: owner.id } })).map((t) => t.businesses)).toEqual([[{ id: mine.id, name: "Scope BV" }]]);
  });

  it("creation and revocation are written to the audit log, without the secret", async () => {
    const { token, secret } = await createApiToken({ caller: { userId: owner.id }, input: { name: "gelogd", scope: "read_write" } });
    await revokeApiToken({ caller: { userId: owner.id }, tokenId: token.id });
    const entries = await db().auditLog.findMany({ where: { actorId: owner.id, entityId: token.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.entityType, entry.businessId])).toEqual([
      ["security.apiTokenCreate", "ApiToken", null],
      ["security.apiTokenRevoke", "ApiToken", null],
    ]);
    expect(JSON.stringify(entries)).not.toContain(secret);
  });
});
