// Passkeys (WebAuthn, with @simplewebauthn/server): a signed-in user adds one from the
// account page; anyone may then log in with it, without a password. The authenticator
// verifies the person (userVerification "required"), so a passkey login counts as
// two-factor login. Every ceremony uses a challenge made here, stored for five minutes and
// taken (deleted) by its first use. Logging in looks the passkey up in system mode: nobody
// is logged in yet. Attempts are counted per IP like password logins.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { db } from "@/lib/platform/db/client";
import { runAsUser, runOnTenantFreeTables } from "@/lib/platform/db/db-context";
import { env } from "@/lib/platform/env";
import { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { AppError } from "@/lib/platform/errors";
import { appBaseUrl } from "@/lib/platform/mail/app-url";
import { enforceRateLimits } from "@/lib/platform/rate-limit/hit-rate-limit";
import { parseOrThrow } from "@/lib/platform/validation";
import { finishPasskeyRegistrationSchema, passkeyLoginSchema, type PasskeyDto } from "./passkeys.types";

const CHALLENGE_MS = 5 * 60_000;
const RP_NAME = "Drempel";

type Caller = { userId: string };

/** The origin passkeys are bound to, and its host name as the relying party id. */
export function passkeyRelyingParty(): { origin: string; rpID: string } {
  const origin = new URL(env().PASSKEY_ORIGIN ?? appBaseUrl()).origin;
  return { origin, rpID: new URL(origin).hostname };
}

async function storeChallenge(purpose: "register" | "login", challenge: string, userId: string | null): Promise<string> {
  const row = await runOnTenantFreeTables(() =>
    db().webAuthnChallenge.create({
      data: { purpose, userId, challenge, expiresAt: new Date(Date.now() + CHALLENGE_MS) },
      select: { id: true },
    }),
  );
  return row.id;
}

/** The challenge, deleted in the same statement: a second use, or one after five minutes, finds nothing. */
async function takeChallenge(id: string, purpose: "register" | "login", userId: string | null): Promise<string | null> {
  const rows = await runOnTenantFreeTables(() =>
    db().$queryRaw<{ challenge: string }[]>(Prisma.sql`
      DELETE FROM "WebAuthnChallenge"
       WHERE "id" = ${id}::uuid AND "purpose" = ${purpose} AND "userId" IS NOT DISTINCT FROM ${userId}::uuid AND "expiresAt" > now()
      RETURNING "challenge"`),
  );
  return rows[0]?.challenge ?? null;
}

export async function listPasskeys(options: { caller: Caller }): Promise<PasskeyDto[]> {
  const { userId } = options.caller;
  return runAsUser(userId, () =>
    db().passkey.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    }),
  );
}

/** The options for the browser's navigator.credentials.create(), and the challenge's id to send back. */
export async function startPasskeyRegistration(options: {
  caller: Caller;
}): Promise<{ challengeId: string; options: PublicKeyCredentialCreationOptionsJSON }> {
  const { userId } = options.caller;
  const { rpID } = passkeyRelyingParty();
  const [user, existing] = await runAsUser(userId, () =>
    Promise.all([
      db().user.findUnique({ where: { id: userId }, select: { email: true, name: true } }),
      db().passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } }),
    ]),
  );
  if (!user) throw new AppError("UNAUTHENTICATED", "Not signed in");
  const creation = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(userId),
    attestationType: "none",
    excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  return { challengeId: await storeChallenge("register", creation.challenge, userId), options: creation };
}

/** Verifies the browser's answer to the registration and keeps the passkey. */
export async function finishPasskeyRegistration(options: { caller: Caller; input: unknown }): Promise<PasskeyDto> {
  const { userId } = options.caller;
  const input = parseOrThrow(finishPasskeyRegistrationSchema, options.input);
  const challenge = await takeChallenge(input.challengeId, "register", userId);
  if (!challenge) throw new AppError("VALIDATION_FAILED", "Start again", { fields: { response: "security.passkeys.expired" } });
  const { origin, rpID } = passkeyRelyingParty();
  const verification = await verifyRegistrationResponse({
    response: input.response as unknown as RegistrationResponseJSON,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: true,
  }).catch(() => null);
  if (!verification?.verified)
    throw new AppError("VALIDATION_FAILED", "The passkey could not be verified", { fields: { response: "security.passkeys.failed" } });
  const { credential } = verification.registrationInfo;
  return runAsUser(userId, () =>
    db().$transaction(async (tx) => {
      if (await tx.passkey.findFirst({ where: { credentialId: credential.id }, select: { id: true } })) {
        throw new AppError("CONFLICT", "This passkey is registered already", { fields: { response: "security.passkeys.duplicate" } });
      }
      const passkey = await tx.passkey.create({
        data: {
          userId,
          credentialId: credential.id,
          publicKey: Buffer.from(credential.publicKey),
          counter: credential.counter,
          transports: credential.transports ?? [],
          name: input.name,
        },
        select: { id: true, name: true, createdAt: true, lastUsedAt: true },
      });
      await writeAuditLog(tx, {
        businessId: null,
        actorId: userId,
        action: "security.passkeyAdd",
        entityType: "Passkey",
        entityId: passkey.id,
        after: { name: passkey.name },
      });
      return passkey;
    }),
  );
}

export async function deletePasskey(options: { caller: Caller; passkeyId: string }): Promise<void> {
  const { userId } = options.caller;
  if (!/^[0-9a-f-]{36}$/i.test(options.passkeyId)) throw new AppError("NOT_FOUND", "Passkey not found");
  await runAsUser(userId, () =>
    db().$transaction(async (tx) => {
      const { count } = await tx.passkey.deleteMany({ where: { id: options.passkeyId, userId } });
      if (count === 0) throw new AppError("NOT_FOUND", "Passkey not found");
      await writeAuditLog(tx, {
        businessId: null,
        actorId: userId,
        action: "security.passkeyRemove",
        entityType: "Passkey",
        entityId: options.passkeyId,
      });
    }),
  );
}

const loginLimits = (ip: string | undefined) => {
  const { LOGIN_RATE_LIMIT: limit, LOGIN_RATE_WINDOW_SECONDS: windowSeconds } = env();
  return [{ key: `passkey:ip:${ip ?? "unknown"}`, limit, windowSeconds }];
};

/** The options for navigator.credentials.get() on the login page: any passkey of this site. */
export async function startPasskeyLogin(options: {
  ip?: string;
}): Promise<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  await enforceRateLimits(loginLimits(options.ip), "Too many passkey logins");
  const request = await generateAuthenticationOptions({ rpID: passkeyRelyingParty().rpID, userVerification: "required" });
  return { challengeId: await storeChallenge("login", request.challenge, null), options: request };
}

/** The user whose passkey signed the login's challenge, or null. */
export async function verifyPasskeyLogin(options: { input: unknown; ip?: string }): Promise<{ userId: string } | null> {
  const parsed = passkeyLoginSchema.safeParse(options.input);
  if (!parsed.success) return null;
  const { challengeId, response } = parsed.data;
  const challenge = await takeChallenge(challengeId, "login", null);
  if (!challenge) return null;
  // Whose passkey the answer names, through a narrow SECURITY DEFINER function (nobody is
  // logged in yet; system mode is the worker's role's alone); then read as that account.
  const [owner] = await db().$queryRaw<{ userId: string | null }[]>`SELECT drempel_passkey_owner(${response.id})::text AS "userId"`;
  if (!owner?.userId) return null;
  const ownerId = owner.userId;
  const passkey = await runAsUser(ownerId, () => db().passkey.findUnique({ where: { credentialId: response.id } }));
  if (!passkey) return null;
  const { origin, rpID } = passkeyRelyingParty();
  const verification = await verifyAuthenticationResponse({
    response: response as unknown as AuthenticationResponseJSON,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: true,
    credential: {
      id: passkey.credentialId,
      publicKey: new Uint8Array(passkey.publicKey),
      counter: Number(passkey.counter),
      transports: passkey.transports,
    },
  }).catch(() => null);
  if (!verification?.verified) return null;
  await runAsUser(passkey.userId, () =>
    db().passkey.update({
      where: { id: passkey.id },
      data: { counter: verification.authenticationInfo.newCounter, lastUsedAt: new Date() },
    }),
  );
  return { userId: passkey.userId };
}
