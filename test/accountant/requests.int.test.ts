// An accountant asks a business for access; an owner approves or rejects. The answer to
// the accountant never tells whether a business matched; only owners see and answer
// requests (outsiders: 404); approval creates the membership (read-only refuses writes)
// and an owner's revocation ends it from the next request on.
import { beforeEach, describe, expect, it } from "vitest";
import { decideAccessRequest } from "@/lib/features/accountant/decide-access-request";
import { getAccountantOverview } from "@/lib/features/accountant/get-accountant-overview";
import { listBusinessAccessRequests, listMyAccessRequests } from "@/lib/features/accountant/list-access-requests";
import { accessRequestRateKey, requestAccess as requestAccessAsUser } from "@/lib/features/accountant/request-access";
import { runAsUser } from "@/lib/platform/db/db-context";
import { revokeAccountant } from "@/lib/features/accountant/revoke-accountant";
import { withdrawAccessRequest } from "@/lib/features/accountant/withdraw-access-request";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { getBusiness } from "@/lib/features/businesses/get-business";
import { db } from "@/lib/platform/db/client";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { startSmtpCapture } from "@/lib/features/alerts/testing/smtp-capture";
import { createWorker } from "@/lib/platform/jobs/worker";
import { createSmtpTransport } from "@/lib/platform/mail/transport";
import { clearRateLimit } from "@/lib/platform/rate-limit/hit-rate-limit";
import { validInvoice } from "@/test/api/helpers";
import { createUser } from "@/test/integration/factories";

// As the web runs it: as the asking accountant, never in system mode (the worker's role's).
const requestAccess = (options: Parameters<typeof requestAccessAsUser>[0]) =>
  runAsUser(options.caller.userId, () => requestAccessAsUser(options));

type User = Awaited<ReturnType<typeof createUser>>;
let owner: User;
let accountant: User;
let outsider: User;
let business: BusinessDto;
let kvk: string;

const DAY = 86_400_000;
const uniqueKvk = () => String(10_000_000 + Math.floor(Math.random() * 89_999_999));

beforeEach(async () => {
  owner = await createUser("owner");
  accountant = await createUser("accountant");
  outsider = await createUser("outsider");
  kvk = uniqueKvk();
  business = await createBusiness({
    caller: { userId: owner.id },
    input: { name: "Studio Verzoek", kvkNumber: kvk, korParticipations: [{ from: "2025-01-01" }] },
  });
});

async function openRequestId(): Promise<string> {
  const [request] = await listBusinessAccessRequests({ caller: { userId: owner.id }, businessId: business.id });
  return request!.id;
}

describe("asking for access", () => {
  it("answers the same for a business that exists and one that does not; only a match reaches the owners by mail", async () => {
    const matched = await requestAccess({ caller: { userId: accountant.id }, input: { kvkNumber: kvk } });
    const unknown = await requestAccess({ caller: { userId: accountant.id }, input: { kvkNumber: uniqueKvk() } });
    expect(matched).toEqual(unknown);
    const mine = await listMyAccessRequests({ caller: { userId: accountant.id } });
    expect(mine.map((r) => r.status)).toEqual(["open", "open"]);
    expect(Object.keys(mine[0]!).sort()).toEqual(Object.keys(mine[1]!).sort());
    expect(JSON.stringify(mine)).not.toContain("Studio Verzoek");

    const mails = await db().outboxJob.findMany({ where: { kind: "ACCESS_EMAIL", userId: owner.id } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: owner.email, businessId: business.id, status: "PENDING" });
    expect(mails[0]!.subject).toContain(accountant.name);
    expect(mails[0]!.textBody).toContain(`/businesses/${business.id}/settings`);
    expect(await db().outboxJob.count({ where: { kind: "ACCESS_EMAIL", userId: { not: owner.id }, businessId: business.id } })).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: accountant.id } })).isAccountant).toBe(true);
  });

  it("the queue worker delivers the owner's mail over SMTP (the outbox path of alert mails)", async () => {
    const smtp = await startSmtpCapture();
    try {
      await requestAccess({ caller: { userId: accountant.id }, input: { kvkNumber: kvk } });
      // Only access mails: the evaluations and mails other files left in the shared outbox stay out.
      const worker = createWorker({
        transport: createSmtpTransport({ url: smtp.url, from: "Drempel <meldingen@drempel.test>", timeoutMs: 2_000 }),
        appUrl: "http://drempel.test",
        kinds: ["ACCESS_EMAIL"],
        log: () => {},
      });
      await worker.runUntilIdle(1_000);
      const [mail] = smtp.mailsTo(owner.email);
      expect(mail?.subject).toBe(`Drempel: ${accountant.name} vraagt toegang tot Studio Verzoek`);
      expect(mail?.text).toContain(`${accountant.name} (${accountant.email}) vraagt toegang als boekhouder tot Studio Verzoek.`);
      expect(smtp.mailsTo(accountant.email)).toEqual([]);
      const job = await db().outboxJob.findFirstOrThrow({ where: { kind: "ACCESS_EMAIL", userId: owner.id } });
      expect(job).toMatchObject({ status: "SENT", transport: "smtp" });
    } finally {
      await smtp.close();
    }
  });

  it("an owner's e-mail narrows the match: another address reaches nobody", async () => {
    await requestAccess({ caller: { userId: accountant.id }, input: { kvkNumber: kvk, ownerEmail: "someone-else@test.drempel.nl" } });
    expect(await listBusinessAccessRequests({ caller: { userId: owner.id }, businessId: business.id })).toEqual([]);
    await requestAccess({ caller: { userId: outsider.id }, input: { kvkNumber: kvk, ownerEmail: owner.email.toUpperCase() } });
    expect(
      (await listBusinessAccessRequests({ caller: { userId: owner.id }, businessId: business.id })).map((r) => r.accountantEmail),
    ).toEqual([outsider.email]);
  });

  it("refuses an invalid KVK number with a field message and stores nothing", async () => {
    await expect(requestAccess({ caller: { userId: accountant.id }, input: { kvkNumber: "12" } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { kvkNumber: "validation.kvkNumber" },
    });
    expect(await db().accountantAccessRequest.count({ where: { accountantId: accountant.id } })).toBe(0);
  });

  it("asking again while a request is open adds nothing", async () => {
    await requestAccess({ caller: { userId: accountant.id }, input: { kvkNumber: kvk } });
    await requestAccess({ caller: { userId: accountant.id }, input: { kvkNumber: kvk } });
    expect(await listBusinessAccessRequests({ caller: { userId: owner.id }, businessId: business.id })).toHaveLength(1);
  });

  it("is rate-limited per accountant", async () => {
    try {
      for (let i = 0; i < 10; i++) await requestAccess({ caller: { userId: accountant.id }, input: { kvkNumber: uniqueKvk() } });
      await expect(requestAccess({ caller: { userId: accountant.id }, input: { kvkNumber: kvk } })).rejects.toMatchObject({
        code: "RATE_LIMITED",
      });
      expect(await listBusinessAccessRequests({ caller: { userId: owner.id }, businessId: business.id })).toEqual([]);
      // Another accountant is not held up.
      await requestAccess({ caller: { userId: outsider.id }, input: { kvkNumber: kvk } });
    } finally {
      await clearRateLimit(accessRequestRateKey(accountant.id));
    }
  });
});

describe("answering a request", () => {
  beforeEach(async () => {
    await requestAccess({ caller: { userId: accountant.id }, input: { kvkNumber: kvk } });
  });

  it("only the business's owners see and answer it: the accountant and outsiders get 404", async () => {
    const id = await openRequestId();
    await expect(listBusinessAccessRequests({ caller: { userId: outsider.id }, businessId: business.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(listBusinessAccessRequests({ caller: { userId: accountant.id }, businessId: business.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      decideAccessRequest({ caller: { userId: outsider.id }, businessId: business.id, requestId: id, input: { approve: true } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      decideAccessRequest({ caller: { userId: accountant.id }, businessId: business.id, requestId: id, input: { approve: true } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Another owner's business cannot answer this one's request.
    const other = await createBusiness({ caller: { userId: outsider.id }, input: { name: "Ander", kvkNumber: uniqueKvk() } });
    await expect(
      decideAccessRequest({ caller: { userId: outsider.id }, businessId: other.id, requestId: id, input: { approve: true } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().membership.count({ where: { userId: accountant.id } })).toBe(0);
  });

  it("approval (read only) grants access, audit-logged; writes are refused; revocation ends it on the next request", async () => {
    await expect(getBusiness({ caller: { userId: accountant.id }, businessId: business.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await decideAccessRequest({
      caller: { userId: owner.id },
      businessId: business.id,
      requestId: await openRequestId(),
      input: { approve: true, access: "READ_ONLY" },
    });
    expect((await getBusiness({ caller: { userId: accountant.id }, businessId: business.id })).name).toBe("Studio Verzoek");
    const overview = await getAccountantOverview({ caller: { userId: accountant.id } });
    expect(overview.rows.map((r) => [r.name, r.access])).toEqual([["Studio Verzoek", "READ_ONLY"]]);
    await expect(
      createInvoice({ caller: { userId: accountant.id }, businessId: business.id, input: validInvoice() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const audit = await db().auditLog.findFirstOrThrow({ where: { businessId: business.id, action: "accountant.request.approve" } });
    expect(audit).toMatchObject({ actorId: owner.id, after: { email: accountant.email, access: "READ_ONLY" } });
    expect((await listMyAccessRequests({ caller: { userId: accountant.id } }))[0]!.status).toBe("approved");
    expect(await listBusinessAccessRequests({ caller: { userId: owner.id }, businessId: business.id })).toEqual([]);

    const membership = await db().membership.findFirstOrThrow({ where: { businessId: business.id, userId: accountant.id } });
    await revokeAccountant({ caller: { userId: owner.id }, businessId: business.id, membershipId: membership.id });
    await expect(getBusiness({ caller: { userId: accountant.id }, businessId: business.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getAccountantOverview({ caller: { userId: accountant.id } })).rows).toEqual([]);
  });

  it("approval with read-write lets the accountant register invoices", async () => {
    await decideAccessRequest({
      caller: { userId: owner.id },
      businessId: business.id,
      requestId: await openRequestId(),
      input: { approve: true, access: "READ_WRITE" },
    });
    const invoice = await createInvoice({ caller: { userId: accountant.id }, businessId: business.id, input: validInvoice() });
    expect(invoice.id).toBeTruthy();
  });

  it("rejection grants nothing, is audit-logged, and looks to the accountant like an open request", async () => {
    const id = await openRequestId();
    await decideAccessRequest({ caller: { userId: owner.id }, businessId: business.id, requestId: id, input: { approve: false } });
    await expect(getBusiness({ caller: { userId: accountant.id }, businessId: business.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().auditLog.count({ where: { businessId: business.id, action: "accountant.request.reject", actorId: owner.id } })).toBe(
      1,
    );
    expect((await listMyAccessRequests({ caller: { userId: accountant.id } }))[0]!.status).toBe("open");
    await expect(
      decideAccessRequest({ caller: { userId: owner.id }, businessId: business.id, requestId: id, input: { approve: true } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().membership.count({ where: { userId: accountant.id } })).toBe(0);
  });

  it("expires after 14 days", async () => {
    const id = await openRequestId();
    const later = new Date(Date.now() + 15 * DAY);
    expect(await listBusinessAccessRequests({ caller: { userId: owner.id }, businessId: business.id, now: later })).toEqual([]);
    await expect(
      decideAccessRequest({ caller: { userId: owner.id }, businessId: business.id, requestId: id, input: { approve: true }, now: later }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listMyAccessRequests({ caller: { userId: accountant.id }, now: later }))[0]!.status).toBe("expired");
  });

  it("the accountant can withdraw it; nobody else can", async () => {
    const [mine] = await listMyAccessRequests({ caller: { userId: accountant.id } });
    await expect(withdrawAccessRequest({ caller: { userId: outsider.id }, requestId: mine!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(withdrawAccessRequest({ caller: { userId: owner.id }, requestId: mine!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const id = await openRequestId();
    await withdrawAccessRequest({ caller: { userId: accountant.id }, requestId: mine!.id });
    expect(await listBusinessAccessRequests({ caller: { userId: owner.id }, businessId: business.id })).toEqual([]);
    await expect(
      decideAccessRequest({ caller: { userId: owner.id }, businessId: business.id, requestId: id, input: { approve: true } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listMyAccessRequests({ caller: { userId: accountant.id } }))[0]!.status).toBe("withdrawn");
    await expect(withdrawAccessRequest({ caller: { userId: accountant.id }, requestId: mine!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
