// The worker's clean-up against the real PostgreSQL, as the app role under row-level
// security: rows past their expiry go, live rows and the audit log stay.
import crypto from "node:crypto";
import { expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { runWithoutContext } from "@/lib/platform/db/db-context";
import { hitRateLimit } from "@/lib/platform/rate-limit/hit-rate-limit";
import { ACCESS_REQUEST_DAYS } from "@/lib/features/accountant/accountant.types";
import { deleteExpiredRows } from "@/lib/platform/jobs/delete-expired-rows";
import { createWorker } from "@/lib/platform/jobs/worker";
import { outboxOnlyTransport } from "@/lib/platform/mail/transport";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

const DAY = 86_400_000;
const tag = () => crypto.randomBytes(4).toString("hex");

async function seed(now: Date) {
  const owner = await createUser("cleanup-owner");
  const accountant = await createUser("cleanup-accountant");
  const business = await createOwnedBusiness(owner.id, "Opruim BV");
  const at = (ms: number) => new Date(now.getTime() + ms);

  const token = (name: string, data: { expiresAt: Date; usedAt?: Date }) =>
    db().passwordResetToken.create({ data: { userId: owner.id, tokenHash: `${name}-${tag()}`, ...data } });
  const tokens = {
    expired: await token("expired", { expiresAt: at(-60_000) }),
    used: await token("used", { expiresAt: at(30 * 60_000), usedAt: at(-60_000) }),
    live: await token("live", { expiresAt: at(30 * 60_000) }),
  };
  const verification = (name: string, data: { expiresAt: Date; usedAt?: Date }) =>
    db().emailVerificationToken.create({ data: { userId: owner.id, email: owner.email, tokenHash: `verify-${name}-${tag()}`, ...data } });
  const verificationTokens = {
    expired: await verification("expired", { expiresAt: at(-60_000) }),
    used: await verification("used", { expiresAt: at(3_600_000), usedAt: at(-60_000) }),
    live: await verification("live", { expiresAt: at(3_600_000) }),
  };

  // As the counters are written: by hitRateLimit, with the database's clock.
  const rateKeys = { ended: `cleanup:ended:${tag()}`, running: `cleanup:running:${tag()}` };
  await hitRateLimit({ key: rateKeys.running, limit: 5, windowSeconds: 3_600 });
  await db().$executeRaw`INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES (${rateKeys.ended}, 3, now() - interval '1 minute')`;

  const idempotencyKeys = { old: `old-${tag()}`, fresh: `fresh-${tag()}` };
  for (const [key, age] of [
    [idempotencyKeys.old, "25 hours"],
    [idempotencyKeys.fresh, "23 hours"],
  ] as const) {
    await db().$executeRaw`INSERT INTO "IdempotencyRecord" ("id", "userId", "key", "requestHash", "statusCode", "response", "createdAt")
      VALUES (gen_random_uuid(), ${owner.id}::uuid, ${key}, 'hash', 201, '{}'::jsonb, now() - ${age}::interval)`;
  }

  const request = (createdDaysAgo: number, data: { approvedAt?: Date } = {}) =>
    db().accountantAccessRequest.create({
      data: {
        accountantId: accountant.id,
        kvkNumber: "12345678",
        businessId: business.id,
        createdAt: at(-createdDaysAgo * DAY),
        expiresAt: at((ACCESS_REQUEST_DAYS - createdDaysAgo) * DAY),
        ...data,
      },
    });
  const requests = {
    oldExpired: await request(61),
    oldApproved: await request(70, { approvedAt: at(-69 * DAY) }),
    // Expired, but still in the accountant's list (60 days).
    recentExpired: await request(20),
    open: await request(1),
  };

  const invitation = (expiredDaysAgo: number, data: { acceptedAt?: Date } = {}) =>
    db().accountantInvitation.create({
      data: {
        businessId: business.id,
        email: `invitee-${tag()}@test.drempel.nl`,
        tokenHash: crypto.randomBytes(32).toString("hex"),
        expiresAt: at(-expiredDaysAgo * DAY),
        createdAt: at(-(expiredDaysAgo + 14) * DAY),
        ...data,
      },
    });
  const invitations = {
    oldExpired: await invitation(61),
    oldAccepted: await invitation(75, { acceptedAt: at(-80 * DAY) }),
    // Expired, but not long ago.
    recentExpired: await invitation(3),
    open: await invitation(-10),
  };

  await db().auditLog.create({
    data: {
      businessId: business.id,
      actorId: owner.id,
      action: "cleanup.test",
      entityType: "AccessRequest",
      entityId: requests.oldExpired.id,
    },
  });
  return { owner, business, tokens, verificationTokens, rateKeys, idempotencyKeys, requests, invitations };
}

async function remaining(seeded: Awaited<ReturnType<typeof seed>>) {
  const { owner, business, rateKeys, idempotencyKeys } = seeded;
  const tokens = await db().passwordResetToken.findMany({ where: { userId: owner.id }, select: { id: true } });
  const rateLimits = await db().rateLimit.findMany({ where: { key: { in: Object.values(rateKeys) } }, select: { key: true } });
  const records = await db().idempotencyRecord.findMany({
    where: { userId: owner.id, key: { in: Object.values(idempotencyKeys) } },
    select: { key: true },
  });
  const requests = await db().accountantAccessRequest.findMany({ where: { businessId: business.id }, select: { id: true } });
  const invitations = await db().accountantInvitation.findMany({ where: { businessId: business.id }, select: { id: true } });
  return {
    tokens: tokens.map((row) => row.id).sort(),
    rateLimits: rateLimits.map((row) => row.key).sort(),
    idempotencyRecords: records.map((row) => row.key).sort(),
    accessRequests: requests.map((row) => row.id).sort(),
    invitations: invitations.map((row) => row.id).sort(),
    verificationTokens: (await db().emailVerificationToken.findMany({ where: { userId: owner.id }, select: { id: true } })).map(
      (row) => row.id,
    ),
    auditEntries: await db().auditLog.count({ where: { businessId: business.id } }),
  };
}

it("deletes expired tokens, counters, idempotency answers, old access requests and long-expired invitations, and keeps live rows and the audit log", async () => {
  const now = new Date();
  const seeded = await seed(now);
  const before = await remaining(seeded);
  expect(before.tokens).toHaveLength(3);
  expect(before.rateLimits).toHaveLength(2);
  expect(before.idempotencyRecords).toHaveLength(2);
  expect(before.accessRequests).toHaveLength(4);
  expect(before.invitations).toHaveLength(4);

  // Called with no user and no system context: it must take system mode itself, or
  // row-level security would hide the tokens and requests from it.
  const deleted = await runWithoutContext(() => deleteExpiredRows(now));
  expect(deleted.passwordResetTokens).toBeGreaterThanOrEqual(2);
  expect(deleted.accessRequests).toBeGreaterThanOrEqual(2);
  expect(deleted.invitations).toBeGreaterThanOrEqual(2);

  const { tokens, verificationTokens, requests, invitations, rateKeys, idempotencyKeys } = seeded;
  expect(deleted.emailVerificationTokens).toBeGreaterThanOrEqual(2);
  expect(await remaining(seeded)).toEqual({
    tokens: [tokens.live.id],
    verificationTokens: [verificationTokens.live.id],
    rateLimits: [rateKeys.running],
    idempotencyRecords: [idempotencyKeys.fresh],
    accessRequests: [requests.recentExpired.id, requests.open.id].sort(),
    invitations: [invitations.recentExpired.id, invitations.open.id].sort(),
    auditEntries: before.auditEntries,
  });
  expect(before.auditEntries).toBeGreaterThanOrEqual(1);
});

it("is run by the queue worker once per interval", async () => {
  let now = new Date();
  const worker = createWorker({
    transport: outboxOnlyTransport,
    appUrl: "http://drempel.test",
    clock: () => now,
    cleanupIntervalMs: 3_600_000,
    log: () => {},
  });
  expect(await worker.runCleanupIfDue()).not.toBeNull();
  now = new Date(now.getTime() + 59 * 60_000);
  expect(await worker.runCleanupIfDue()).toBeNull();
  now = new Date(now.getTime() + 2 * 60_000);
  const seeded = await seed(now);
  expect(await worker.runCleanupIfDue()).not.toBeNull();
  expect((await remaining(seeded)).tokens).toEqual([seeded.tokens.live.id]);
});
