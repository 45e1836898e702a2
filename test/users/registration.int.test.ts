// Registration (issue #15): the same answer whether or not the address has an account,
// a verification link for a new one, a note to the holder of an existing one; the link
// verifies once, before it expires; weak passwords are refused with a field message.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/platform/auth/authenticate";
import { hashPassword } from "@/lib/platform/auth/password";
import { resetPassword } from "@/lib/platform/auth/password-reset/reset-password";
import { generateResetToken } from "@/lib/platform/auth/password-reset/reset-token";
import { db } from "@/lib/platform/db/client";
import { changePassword } from "@/lib/features/users/change-password";
import { runAsUser, runWithoutContext } from "@/lib/platform/db/db-context";
import { registerUser as registerUserAsWeb } from "@/lib/features/users/register-user";
import { resendVerificationMail as resendAsWeb } from "@/lib/features/users/email-verification/resend-verification-mail";
import { verifyEmail as verifyEmailAsWeb } from "@/lib/features/users/email-verification/verify-email";
import { mailedVerificationToken } from "@/test/integration/factories";

// As the web runs them: registration and a verification link with nobody logged in,
// "send again" as the logged-in user (system mode is the worker's role's alone).
const registerUser = (options: Parameters<typeof registerUserAsWeb>[0]) => runWithoutContext(() => registerUserAsWeb(options));
const verifyEmail = (options: Parameters<typeof verifyEmailAsWeb>[0]) => runWithoutContext(() => verifyEmailAsWeb(options));
const resendVerificationMail = (options: Parameters<typeof resendAsWeb>[0]) => runAsUser(options.caller.userId, () => resendAsWeb(options));

const PASSWORD = "een-lang-wachtwoord";
const uniqueAddress = (label: string) => `${label}-${crypto.randomBytes(4).toString("hex")}@test.drempel.nl`;
const uniqueIp = () => `198.51.100.${crypto.randomInt(1, 250)}-${crypto.randomBytes(3).toString("hex")}`;
const accountMails = (email: string) =>
  db().outboxJob.findMany({ where: { kind: "ACCOUNT_EMAIL", toAddress: email }, orderBy: { createdAt: "asc" } });

describe("registering", () => {
  it("answers an existing address exactly as a new one; the holder gets a note, the newcomer a link", async () => {
    const holderEmail = uniqueAddress("bestaand");
    const holder = await db().user.create({
      data: {
        email: holderEmail,
        name: "Hanna Houder",
        passwordHash: await hashPassword("het-oude-wachtwoord"),
        emailVerifiedAt: new Date(),
      },
    });
    const newEmail = uniqueAddress("nieuw");
    const answers = [
      await registerUser({ input: { name: "Nina Nieuw", email: newEmail, password: PASSWORD }, ip: uniqueIp() }),
      await registerUser({ input: { name: "Aanvaller", email: holderEmail.toUpperCase(), password: PASSWORD }, ip: uniqueIp() }),
    ];
    expect(answers[0]).toEqual({ email: newEmail });
    expect(answers[1]).toEqual({ email: holderEmail });

    // The holder's account is untouched: same name, password and verification.
    const after = await db().user.findUniqueOrThrow({ where: { id: holder.id } });
    expect(after).toMatchObject({ name: "Hanna Houder", passwordHash: holder.passwordHash, passwordVersion: holder.passwordVersion });
    await expect(authenticate({ email: holderEmail, password: PASSWORD })).resolves.toBeNull();

    const [note] = await accountMails(holderEmail);
    expect(note).toMatchObject({ userId: holder.id, subject: "Drempel: iemand probeerde een account te maken met je e-mailadres" });
    expect(note!.textBody).toContain("/login");
    expect(note!.textBody).toContain("/forgot-password");
    expect(note!.textBody).not.toContain("verify-email");

    const created = await db().user.findUniqueOrThrow({ where: { email: newEmail } });
    expect(created.emailVerifiedAt).toBeNull();
    const [link] = await accountMails(newEmail);
    expect(link).toMatchObject({ userId: created.id, subject: "Drempel: bevestig je e-mailadres" });
    expect(link!.textBody).toMatch(/\/verify-email\?token=[A-Za-z0-9_-]{43}/);
  });

  it("refuses weak passwords with a field message, and creates nothing", async () => {
    const cases: [string, string, string][] = [
      ["aaaaaaaaaa", uniqueAddress("kort"), "validation.passwordShort"],
      ["aaaaaaaaaaaaaaaa", uniqueAddress("herhaling"), "validation.passwordCommon"],
      ["password1234", uniqueAddress("bekend"), "validation.passwordCommon"],
      [
        "zonnebloem-atelier-2026",
        `zonnebloem.atelier@${crypto.randomBytes(3).toString("hex")}.test.drempel.nl`,
        "validation.passwordContainsEmail",
      ],
    ];
    for (const [password, email, message] of cases) {
      await expect(registerUser({ input: { name: "Zwak", email, password }, ip: uniqueIp() }), password).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { password: message },
      });
      expect(await db().user.count({ where: { email } })).toBe(0);
    }
  });

  it("limits registrations per address alike for new and existing addresses", async () => {
    const email = uniqueAddress("herhaald");
    for (let i = 0; i < 3; i++) await registerUser({ input: { name: "Herhaald", email, password: PASSWORD }, ip: uniqueIp() });
    await expect(registerUser({ input: { name: "Herhaald", email, password: PASSWORD }, ip: uniqueIp() })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    expect(await accountMails(email)).toHaveLength(3);
  });
});

describe("verifying the address", () => {
  it("the link verifies once; a wrong, used or expired link is refused", async () => {
    const email = uniqueAddress("verifieer");
    await registerUser({ input: { name: "Vera", email, password: PASSWORD }, ip: uniqueIp() });
    const token = await mailedVerificationToken(email);
    await expect(verifyEmail({ token, now: new Date(Date.now() + 49 * 3_600_000) })).rejects.toMatchObject({
      fields: { token: "validation.verifyLinkInvalid" },
    });
    for (const wrong of ["", "kort", crypto.randomBytes(32).toString("base64url")]) {
      await expect(verifyEmail({ token: wrong })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { token: "validation.verifyLinkInvalid" },
      });
    }
    expect((await db().user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();
    await expect(verifyEmail({ token })).resolves.toEqual({ email });
    expect((await db().user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeInstanceOf(Date);
    await expect(verifyEmail({ token })).rejects.toMatchObject({ fields: { token: "validation.verifyLinkInvalid" } });
  });

  it("a link made for an address the account no longer has does not verify the new one", async () => {
    const email = uniqueAddress("oud");
    await registerUser({ input: { name: "Olaf", email, password: PASSWORD }, ip: uniqueIp() });
    const token = await mailedVerificationToken(email);
    const moved = uniqueAddress("nieuw-adres");
    await db().user.update({ where: { email }, data: { email: moved } });
    await expect(verifyEmail({ token })).rejects.toMatchObject({ fields: { token: "validation.verifyLinkInvalid" } });
    expect((await db().user.findUniqueOrThrow({ where: { email: moved } })).emailVerifiedAt).toBeNull();
  });

  it("sending the link again is rate-limited and does nothing for a verified account", async () => {
    const email = uniqueAddress("opnieuw");
    await registerUser({ input: { name: "Otto", email, password: PASSWORD }, ip: uniqueIp() });
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    for (let i = 0; i < 3; i++) await resendVerificationMail({ caller: { userId: user.id } });
    await expect(resendVerificationMail({ caller: { userId: user.id } })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await accountMails(email)).toHaveLength(4);
    await verifyEmail({ token: await mailedVerificationToken(email) });
    const verified = await db().user.create({
      data: { email: uniqueAddress("al-bevestigd"), name: "Al", passwordHash: "x", emailVerifiedAt: new Date() },
    });
    await resendVerificationMail({ caller: { userId: verified.id } });
    expect(await accountMails(verified.email)).toHaveLength(0);
  });
});

describe("the same password policy on change and reset", () => {
  it("change and reset refuse a common password and the address's local part", async () => {
    const email = `zeilboot.haven@${crypto.randomBytes(3).toString("hex")}.test.drempel.nl`;
    const user = await db().user.create({
      data: { email, name: "Zeil", passwordHash: await hashPassword("het-oude-wachtwoord"), emailVerifiedAt: new Date() },
    });
    await expect(
      changePassword({ caller: { userId: user.id }, input: { currentPassword: "het-oude-wachtwoord", newPassword: "password1234" } }),
    ).rejects.toMatchObject({
      fields: { newPassword: "validation.passwordCommon" },
    });
    await expect(
      changePassword({
        caller: { userId: user.id },
        input: { currentPassword: "het-oude-wachtwoord", newPassword: `${email.split("@")[0]}!x` },
      }),
    ).rejects.toMatchObject({
      fields: { newPassword: "validation.passwordContainsEmail" },
    });
    const { token, tokenHash } = generateResetToken();
    await db().passwordResetToken.create({ data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + 3_600_000) } });
    await expect(resetPassword({ input: { token, password: "ZEILBOOT.haven-2026" } })).rejects.toMatchObject({
      fields: { password: "validation.passwordContainsEmail" },
    });
    await expect(resetPassword({ input: { token, password: "aaaaaaaaaaaaaaa" } })).rejects.toMatchObject({
      fields: { password: "validation.passwordCommon" },
    });
    // Refusals changed nothing: the link still works.
    await expect(resetPassword({ input: { token, password: "een-gloednieuw-wachtwoord" } })).resolves.toEqual({ email });
  });
});
