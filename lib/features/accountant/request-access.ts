// An accountant asks a business for access by its KVK number (and optionally an owner's
// e-mail). The answer is the same whether or not a business matched — "if the business
// uses Drempel, its owners have been asked" — so the form cannot be used to find out who
// uses Drempel. A match stores one request per business and queues a mail to each owner
// (the outbox, kind ACCESS_EMAIL); no match stores one request without a business, so the
// accountant's own list looks the same either way. Asking makes the user an accountant.
// Only a verified account may ask (issue #15): the owners see the accountant's address and
// would otherwise approve whoever registered a trusted accountant's address first. Only
// verified owners are asked (drempel_access_request_targets).
import type { Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { appBaseUrl } from "@/lib/platform/mail/app-url";
import { hitRateLimit } from "@/lib/platform/rate-limit/hit-rate-limit";
import { parseOrThrow } from "@/lib/platform/validation";
import { isEmailVerified } from "@/lib/features/users/email-verification/is-email-verified";
import { ACCESS_REQUEST_DAYS, ACCESS_REQUEST_LIMIT, ACCESS_REQUEST_WINDOW_SECONDS, requestAccessSchema } from "./accountant.types";
import { renderAccessRequestMail } from "./render-access-request-mail";

export const accessRequestRateKey = (userId: string) => `accountant-request:${userId}`;

export async function requestAccess(options: { caller: Caller; input: unknown; now?: Date }): Promise<{ sent: true }> {
  const { caller } = options;
  const input = parseOrThrow(requestAccessSchema, options.input);
  const now = options.now ?? new Date();
  if (!(await isEmailVerified(caller.userId))) {
    throw new AppError("FORBIDDEN", "Verify your email address first", { fields: { kvkNumber: "accountant.errors.verifyFirst" } });
  }
  const limit = await hitRateLimit({
    key: accessRequestRateKey(caller.userId),
    limit: ACCESS_REQUEST_LIMIT,
    windowSeconds: ACCESS_REQUEST_WINDOW_SECONDS,
  });
  if (!limit.allowed) throw new AppError("RATE_LIMITED", "Too many access requests", { retryAfterSeconds: limit.retryAfterSeconds });
  // The business is found by its KVK number among all businesses, and its owners' mails
  // are queued: across tenants, through two SECURITY DEFINER functions that do only that
  // (migration *_worker_role_token_limits), as the user; system mode is the worker's.
  await db().$transaction(async (tx) => {
    // The functions act for drempel.user_id: the pool set it already on PostgreSQL; the
    // embedded database has no context, so it is set here for this transaction.
    await tx.$executeRaw`SELECT set_config('drempel.user_id', ${caller.userId}, true)`;
    const accountant = await tx.user.findUnique({
      where: { id: caller.userId },
      select: { id: true, name: true, email: true, accountantFirm: true, firmMembership: { select: { firm: { select: { name: true } } } } },
    });
    if (!accountant) throw new AppError("NOT_FOUND", "User not found");
    await tx.user.update({ where: { id: accountant.id }, data: { isAccountant: true } });
    // One open request per accountant and KVK number: asking again changes nothing.
    const open = await tx.accountantAccessRequest.findFirst({
      where: {
        accountantId: accountant.id,
        kvkNumber: input.kvkNumber,
        approvedAt: null,
        rejectedAt: null,
        withdrawnAt: null,
        expiresAt: { gt: now },
      },
    });
    if (open) return;
    const businesses = await tx.$queryRaw<
      { id: string; name: string; owners: { id: string; email: string; name: string; locale: "nl" | "en" }[] }[]
    >`
      SELECT id::text AS id, name, owners FROM drempel_access_request_targets(${input.kvkNumber}, ${input.ownerEmail ?? null}::text)`;
    const expiresAt = new Date(now.getTime() + ACCESS_REQUEST_DAYS * 86_400_000);
    // One createdAt for every row of this request: the accountant sees them as one line.
    const base = { accountantId: accountant.id, kvkNumber: input.kvkNumber, ownerEmail: input.ownerEmail, expiresAt, createdAt: now };
    if (businesses.length === 0) {
      await tx.accountantAccessRequest.create({ data: base });
      return;
    }
    const firm = accountant.firmMembership?.firm.name ?? accountant.accountantFirm;
    for (const business of businesses) {
      const request = await tx.accountantAccessRequest.create({ data: { ...base, businessId: business.id } });
      for (const owner of business.owners) {
        const mail = renderAccessRequestMail({
          locale: owner.locale,
          ownerName: owner.name,
          accountantName: accountant.name,
          accountantEmail: accountant.email,
          firm,
          businessName: business.name,
          settingsUrl: `${appBaseUrl()}/businesses/${business.id}/settings`,
          expiresAt,
        });
        await tx.$executeRaw`SELECT drempel_queue_access_request_mail(${request.id}::uuid, ${owner.id}::uuid, ${mail.subject}, ${mail.text}, ${mail.html}, ${now.toISOString()}::timestamptz)`;
      }
    }
  });
  return { sent: true };
}
