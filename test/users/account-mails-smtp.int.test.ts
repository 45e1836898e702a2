// The account mails of issue #15 leave over real SMTP (an smtp-server in this process) and
// the links in the mails as received work: registration's verification link verifies the
// address, the invitation's link accepts the invitation for the verified holder. Once the
// SMTP server took a mail, the outbox keeps it without its live link.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpCapture, type SmtpCapture } from "@/lib/features/alerts/testing/smtp-capture";
import { inviteAccountant } from "@/lib/features/accountant/invite-accountant";
import { respondToInvitation } from "@/lib/features/accountant/respond-to-invitation";
import { db } from "@/lib/platform/db/client";
import { runAsUser, runWithoutContext } from "@/lib/platform/db/db-context";
import { createWorker } from "@/lib/platform/jobs/worker";
import { createSmtpTransport } from "@/lib/platform/mail/transport";
import { registerUser } from "@/lib/features/users/register-user";
import { verifyEmail } from "@/lib/features/users/email-verification/verify-email";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

let smtp: SmtpCapture;
const deliver = async () => {
  const worker = createWorker({
    transport: createSmtpTransport({ url: smtp.url, from: "Drempel <meldingen@drempel.test>", timeoutMs: 2_000 }),
    appUrl: "http://drempel.test",
    kinds: ["ACCOUNT_EMAIL", "INVITATION_EMAIL"],
    log: () => {},
  });
  await worker.runUntilIdle(1_000);
};
const linkToken = (text: string | undefined, path: string) => {
  const match = new RegExp(`https?://\\S+${path}\\?token=([A-Za-z0-9_-]+)`).exec(text ?? "");
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1]!;
};

beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(async () => {
  await smtp.close();
});

describe("account mails over SMTP", () => {
  it("registration's verification link, as received, verifies the address once; the outbox keeps no live link", async () => {
    const email = `smtp-${crypto.randomBytes(4).toString("hex")}@test.drempel.nl`;
    await runWithoutContext(() =>
      registerUser({ input: { name: "Sam Smtp", email, password: "een-lang-wachtwoord" }, ip: `192.0.2.${crypto.randomInt(1, 250)}` }),
    );
    await deliver();
    const [mail] = smtp.mailsTo(email);
    expect(mail?.subject).toBeTruthy();
    const token = linkToken(mail?.text, "/verify-email");
    const job = await db().outboxJob.findFirstOrThrow({ where: { kind: "ACCOUNT_EMAIL", toAddress: email } });
    expect(job).toMatchObject({ status: "SENT", transport: "smtp" });
    expect(job.textBody ?? "").not.toContain(token);

    expect((await db().user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();
    await expect(runWithoutContext(() => verifyEmail({ token }))).resolves.toEqual({ email });
    expect((await db().user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();
    await expect(runWithoutContext(() => verifyEmail({ token }))).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("an invitation's link, as received, lets the verified holder accept it", async () => {
    const owner = await createUser("smtp-owner");
    const business = await createOwnedBusiness(owner.id, "Studio Smtp");
    const accountant = await createUser("smtp-accountant");
    await runAsUser(owner.id, () =>
      inviteAccountant({ caller: { userId: owner.id }, businessId: business.id, input: { email: accountant.email, access: "READ_ONLY" } }),
    );
    await deliver();
    const [mail] = smtp.mailsTo(accountant.email);
    const token = linkToken(mail?.text, "/invitation");
    await expect(
      runAsUser(accountant.id, () => respondToInvitation({ caller: { userId: accountant.id }, token, accept: true })),
    ).resolves.toEqual({ businessId: business.id });
    const membership = await db().membership.findUnique({
      where: { businessId_userId: { businessId: business.id, userId: accountant.id } },
    });
    expect(membership).toMatchObject({ role: "ACCOUNTANT", access: "READ_ONLY" });
  });
});
