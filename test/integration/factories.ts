// Small builders for integration tests: users and businesses with unique names.
import crypto from "node:crypto";
import { db } from "@/lib/platform/db/client";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { runAsSystem } from "@/lib/platform/db/db-context";

/** A user whose address is verified, unless `verified: false`. */
export async function createUser(label = "user", options: { verified?: boolean } = {}) {
  const suffix = crypto.randomBytes(4).toString("hex");
  return db().user.create({
    data: {
      email: `${label}-${suffix}@test.drempel.nl`,
      name: `${label} ${suffix}`,
      passwordHash: "scrypt$unused",
      emailVerifiedAt: options.verified === false ? null : new Date(),
    },
  });
}

/** A verified user who logs in with `password` (registration itself answers no id: it tells nothing). */
export async function createUserWithPassword(options: { name: string; email: string; password: string }) {
  const { hashPassword } = await import("@/lib/platform/auth/password");
  return db().user.create({
    data: {
      email: options.email.toLowerCase(),
      name: options.name,
      passwordHash: await hashPassword(options.password),
      emailVerifiedAt: new Date(),
    },
  });
}

export async function createOwnedBusiness(ownerId: string, name = "Test BV") {
  return createBusiness({
    caller: { userId: ownerId },
    input: { name, kvkNumber: "12345678", korParticipations: [{ from: "2025-01-01" }] },
  });
}

const tokenInLink = (text: string | null, path: string) => new RegExp(`${path}\\?token=([A-Za-z0-9_-]{43})`).exec(text ?? "")?.[1];

/** The token in the newest invitation mail of an invitation, read from the outbox. */
export async function mailedInvitationToken(invitationId: string): Promise<string> {
  const job = await runAsSystem(() =>
    db().outboxJob.findFirstOrThrow({ where: { kind: "INVITATION_EMAIL", dedupeKey: `invitation:${invitationId}` } }),
  );
  const token = tokenInLink(job.textBody, "/invitation");
  if (!token) throw new Error(`no invitation link in ${job.textBody}`);
  return token;
}

/** The token in the newest verification mail to an address, read from the outbox. */
export async function mailedVerificationToken(email: string): Promise<string> {
  const jobs = await runAsSystem(() =>
    db().outboxJob.findMany({ where: { kind: "ACCOUNT_EMAIL", toAddress: email }, orderBy: { createdAt: "desc" } }),
  );
  for (const job of jobs) {
    const token = tokenInLink(job.textBody, "/verify-email");
    if (token) return token;
  }
  throw new Error(`no verification mail to ${email}`);
}
