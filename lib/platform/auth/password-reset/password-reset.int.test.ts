// Password reset end to end below the browser: the request is answered the same for any
// address, the queue worker turns it into a mail for an account only, the link travels
// through the outbox and a real SMTP server in this process, and the token in it works
// once, before it expires, and ends every session. (The answer's timing:
// reset-request-timing.int.test.ts.)
import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { authenticate } from "@/lib/platform/auth/authenticate";
import { hashPassword } from "@/lib/platform/auth/password";
import { requestPasswordReset as requestPasswordResetAsWeb } from "@/lib/platform/auth/password-reset/request-password-reset";
import {
  isResetTokenUsable as isResetTokenUsableAsWeb,
  resetPassword as resetPasswordAsWeb,
} from "@/lib/platform/auth/password-reset/reset-password";
import { runWithoutContext } from "@/lib/platform/db/db-context";
import { hashResetToken } from "@/lib/platform/auth/password-reset/reset-token";
import { REDACTED_BODY } from "@/lib/platform/jobs/claim-jobs";
import { createWorker, type Worker } from "@/lib/platform/jobs/worker";
import { createSmtpTransport } from "@/lib/platform/mail/transport";
import { startSmtpCapture, type SmtpCapture } from "@/lib/features/alerts/testing/smtp-capture";
import { changePassword } from "@/lib/features/users/change-password";

// The three steps the web runs for someone not logged in: without a database context, as
// drempel_app, never in system mode (the worker's role's alone).
const requestPasswordReset = (options: Parameters<typeof requestPasswordResetAsWeb>[0]) =>
  runWithoutContext(() => requestPasswordResetAsWeb(options));
const isResetTokenUsable = (options: Parameters<typeof isResetTokenUsableAsWeb>[0]) =>
  runWithoutContext(() => isResetTokenUsableAsWeb(options));
const resetPassword = (options: Parameters<typeof resetPasswordAsWeb>[0]) => runWithoutContext(() => resetPasswordAsWeb(options));

const APP_URL = "http://drempel.test";
const OLD_PASSWORD = "het-oude-wachtwoord";
const NEW_PASSWORD = "een-gloednieuw-wachtwoord";
let smtp: SmtpCapture;
const workers: Worker[] = [];

function makeWorker(): Worker {
  const worker = createWorker({
    transport: createSmtpTransport({ url: smtp.url, from: "Drempel <meldingen@drempel.test>", timeoutMs: 2_000 }),
    appUrl: APP_URL,
    // Only this file's kind of work: jobs other files left in the shared outbox stay out.
    kinds: ["PASSWORD_RESET_REQUEST", "PASSWORD_RESET_EMAIL"],
    log: () => {},
  });
  workers.push(worker);
  return worker;
}

const uniqueIp = () => `192.0.2.${crypto.randomInt(1, 250)}-${crypto.randomBytes(3).toString("hex")}`;

async function makeUser(locale: "nl" | "en" = "nl") {
  const suffix = crypto.randomBytes(4).toString("hex");
  return db().user.create({
    data: { email: `reset-${suffix}@test.drempel.nl`, name: `Reset ${suffix}`, passwordHash: await hashPassword(OLD_PASSWORD), locale },
  });
}

/** Requests a reset, runs the queue into the SMTP server, and returns the mail and the token in its link. */
async function requestAndReceive(email: string) {
  const before = smtp.mailsTo(email).length;
  await requestPasswordReset({ input: { email }, ip: uniqueIp() });
  await makeWorker().runUntilIdle();
  const mails = smtp.mailsTo(email);
  expect(mails).toHaveLength(before + 1);
  const mail = mails.at(-1)!;
  const match = /http:\/\/drempel\.test\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(mail.text ?? "");
  expect(match, mail.text).not.toBeNull();
  return { mail, token: match![1]! };
}

const userState = (id: string) => db().user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, passwordVersion: true } });

beforeAll(async () => {
  smtp = await startSmtpCapture();
  // Jobs left by other test files of this run (they share the database) go out first,
  // so each test's worker runs only its own mail.
  await makeWorker().runUntilIdle();
}, 180_000);
afterAll(async () => {
  await smtp.close();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});

describe("requesting a reset", () => {
  it("mails a link in the user's language and stores only the token's hash, for 60 minutes", async () => {
    const user = await makeUser("nl");
    const started = Date.now();
    const { mail, token } = await requestAndReceive(user.email);
    expect(mail.subject).toBe("Drempel: stel je wachtwoord opnieuw in");
    expect(mail.text).toContain(`Hallo ${user.name},`);
    expect(mail.text).toContain("De link werkt 60 minuten en maar één keer.");
    expect(mail.html).toContain(`href="http://drempel.test/reset-password?token=${token}"`);

    const rows = await db().passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(rows[0]!.usedAt).toBeNull();
    const minutes = (rows[0]!.expiresAt.getTime() - started) / 60_000;
    expect(minutes).toBeGreaterThan(59.9);
    expect(minutes).toBeLessThan(60.5);
    // Once the mail server has it, the outbox keeps no live link.
    const job = await db().outboxJob.findFirstOrThrow({ where: { userId: user.id, kind: "PASSWORD_RESET_EMAIL" } });
    expect(job).toMatchObject({
      status: "SENT",
      transport: "smtp",
      toAddress: user.email,
      textBody: REDACTED_BODY,
      htmlBody: REDACTED_BODY,
    });
    const everywhere = JSON.stringify([
      await db().passwordResetToken.findMany({ where: { userId: user.id } }),
      await db().outboxJob.findMany({ where: { userId: user.id } }),
    ]);
    expect(everywhere).not.toContain(token);
  });

  it("writes in English to an English-speaking user", async () => {
    const user = await makeUser("en");
    const { mail } = await requestAndReceive(user.email);
    expect(mail.subject).toBe("Drempel: reset your password");
    expect(mail.text).toContain("The link works for 60 minutes and only once.");
  });

  it("answers an unknown address exactly as a known one, queues the same, and in the end stores and sends nothing for it", async () => {
    const known = await makeUser();
    const unknown = `nobody-${crypto.randomBytes(4).toString("hex")}@test.drempel.nl`;
    const jobsBefore = await db().outboxJob.count({ where: { kind: "PASSWORD_RESET_EMAIL" } });
    const tokensBefore = await db().passwordResetToken.count();
    const answers = [
      await requestPasswordReset({ input: { email: known.email }, ip: uniqueIp() }),
      await requestPasswordReset({ input: { email: unknown }, ip: uniqueIp() }),
    ];
    expect(answers).toEqual([undefined, undefined]);
    // Before the worker: one request job each, and nothing that tells them apart.
    const queued = await db().outboxJob.findMany({ where: { toAddress: { in: [known.email, unknown] } } });
    const shape = (address: string) => {
      const jobs = queued.filter((job) => job.toAddress === address);
      expect(jobs).toHaveLength(1);
      const { kind, status, userId, businessId, subject, textBody, htmlBody } = jobs[0]!;
      return { kind, status, userId, businessId, subject, textBody, htmlBody };
    };
    expect(shape(known.email)).toEqual(shape(unknown));
    expect(shape(known.email)).toMatchObject({ kind: "PASSWORD_RESET_REQUEST", status: "PENDING", userId: null, textBody: null });
    expect(await db().passwordResetToken.count()).toBe(tokensBefore);

    await makeWorker().runUntilIdle();
    expect(await db().outboxJob.count({ where: { kind: "PASSWORD_RESET_EMAIL" } })).toBe(jobsBefore + 1);
    expect(await db().passwordResetToken.count()).toBe(tokensBefore + 1);
    expect(smtp.mailsTo(known.email)).toHaveLength(1);
    expect(smtp.mailsTo(unknown)).toHaveLength(0);
    // The unknown address is not kept.
    expect(await db().outboxJob.count({ where: { toAddress: unknown } })).toBe(0);
  });

  it("refuses an invalid address with a field message", async () => {
    await expect(requestPasswordReset({ input: { email: "geen-adres" } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { email: "validation.email" },
    });
  });

  it("limits requests per address: the 4th in an hour gets RATE_LIMITED with a wait, and creates nothing", async () => {
    const user = await makeUser();
    for (let i = 0; i < 3; i++) await requestPasswordReset({ input: { email: user.email }, ip: uniqueIp() });
    const error = await requestPasswordReset({ input: { email: user.email }, ip: uniqueIp() }).catch((e: unknown) => e);
    await makeWorker().runUntilIdle();
    expect(error).toMatchObject({ code: "RATE_LIMITED" });
    expect((error as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(3500);
    expect((error as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(await db().passwordResetToken.count({ where: { userId: user.id } })).toBe(3);
    expect(await db().outboxJob.count({ where: { userId: user.id, kind: "PASSWORD_RESET_EMAIL" } })).toBe(3);
  });

  it("limits requests per IP: the 21st from one IP gets RATE_LIMITED, whatever the address, and creates nothing", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 20; i++)
      await requestPasswordReset({ input: { email: `guess-${i}-${crypto.randomBytes(3).toString("hex")}@test.drempel.nl` }, ip });
    const user = await makeUser();
    await expect(requestPasswordReset({ input: { email: user.email }, ip })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await makeWorker().runUntilIdle();
    expect(await db().passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().outboxJob.count({ where: { userId: user.id } })).toBe(0);
    // Another IP is not affected.
    await requestPasswordReset({ input: { email: user.email }, ip: uniqueIp() });
    await makeWorker().runUntilIdle();
    expect(await db().passwordResetToken.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("using the link", () => {
  it("sets the new password, ends every session and kills the user's other links", async () => {
    const user = await makeUser();
    const first = await requestAndReceive(user.email);
    const second = await requestAndReceive(user.email);
    await expect(isResetTokenUsable({ token: second.token })).resolves.toBe(true);

    await expect(resetPassword({ input: { token: second.token, password: NEW_PASSWORD } })).resolves.toEqual({ email: user.email });

    expect((await userState(user.id)).passwordVersion).toBe(user.passwordVersion + 1);
    await expect(authenticate({ email: user.email, password: NEW_PASSWORD })).resolves.toMatchObject({
      id: user.id,
      passwordVersion: user.passwordVersion + 1,
    });
    await expect(authenticate({ email: user.email, password: OLD_PASSWORD })).resolves.toBeNull();
    const rows = await db().passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows.map((row) => row.usedAt)).not.toContain(null);
    await expect(isResetTokenUsable({ token: first.token })).resolves.toBe(false);
    await expect(resetPassword({ input: { token: first.token, password: "nog-een-ander-wachtwoord" } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { token: "validation.resetLinkInvalid" },
    });
  });

  it("works once: a second use is refused and changes nothing", async () => {
    const user = await makeUser();
    const { token } = await requestAndReceive(user.email);
    await resetPassword({ input: { token, password: NEW_PASSWORD } });
    const after = await userState(user.id);
    await expect(resetPassword({ input: { token, password: "een-derde-wachtwoord" } })).rejects.toMatchObject({
      fields: { token: "validation.resetLinkInvalid" },
    });
    expect(await userState(user.id)).toEqual(after);
  });

  it("two simultaneous uses of one link: exactly one wins", async () => {
    const user = await makeUser();
    const { token } = await requestAndReceive(user.email);
    const results = await Promise.allSettled([
      resetPassword({ input: { token, password: "wachtwoord-nummer-een" } }),
      resetPassword({ input: { token, password: "wachtwoord-nummer-twee" } }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await userState(user.id)).passwordVersion).toBe(user.passwordVersion + 1);
  });

  it("expires after 60 minutes: refused, and nothing changes", async () => {
    const user = await makeUser();
    const { token } = await requestAndReceive(user.email);
    const later = new Date(Date.now() + 61 * 60_000);
    await expect(isResetTokenUsable({ token, now: later })).resolves.toBe(false);
    const before = await userState(user.id);
    await expect(resetPassword({ input: { token, password: NEW_PASSWORD }, now: later })).rejects.toMatchObject({
      fields: { token: "validation.resetLinkInvalid" },
    });
    expect(await userState(user.id)).toEqual(before);
    expect((await db().passwordResetToken.findFirstOrThrow({ where: { userId: user.id } })).usedAt).toBeNull();
  });

  it("still works just before it expires", async () => {
    const user = await makeUser();
    const { token } = await requestAndReceive(user.email);
    await expect(resetPassword({ input: { token, password: NEW_PASSWORD }, now: new Date(Date.now() + 59 * 60_000) })).resolves.toEqual({
      email: user.email,
    });
  });

  it("refuses a wrong or malformed token with the same message", async () => {
    const wrong = crypto.randomBytes(32).toString("base64url");
    expect(await db().passwordResetToken.count({ where: { tokenHash: hashResetToken(wrong) } })).toBe(0);
    for (const token of [wrong, "kort", `${wrong}x`]) {
      await expect(resetPassword({ input: { token, password: NEW_PASSWORD } })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { token: "validation.resetLinkInvalid" },
      });
      await expect(isResetTokenUsable({ token })).resolves.toBe(false);
    }
  });

  it("applies the registration password rule, and a refused password leaves the link usable", async () => {
    const user = await makeUser();
    const { token } = await requestAndReceive(user.email);
    const before = await userState(user.id);
    await expect(resetPassword({ input: { token, password: "kort" } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { password: "validation.passwordShort" },
    });
    expect(await userState(user.id)).toEqual(before);
    await expect(isResetTokenUsable({ token })).resolves.toBe(true);
  });

  it("dies when the password is changed in the settings", async () => {
    const user = await makeUser();
    const { token } = await requestAndReceive(user.email);
    await changePassword({ caller: { userId: user.id }, input: { currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD } });
    await expect(isResetTokenUsable({ token })).resolves.toBe(false);
    await expect(resetPassword({ input: { token, password: "een-derde-wachtwoord" } })).rejects.toMatchObject({
      fields: { token: "validation.resetLinkInvalid" },
    });
    await expect(authenticate({ email: user.email, password: NEW_PASSWORD })).resolves.toMatchObject({ id: user.id });
  });
});
