// The two sides of access requests: the accountant's own (only what they typed, see
// MyAccessRequestDto) and a business's open ones (for its owners).
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { ACCESS_REQUEST_HISTORY_DAYS, type BusinessAccessRequestDto, type MyAccessRequestDto } from "./accountant.types";

/** The accountant's requests of the last ACCESS_REQUEST_HISTORY_DAYS (60) days, newest first; one line per request, however many businesses it reached. */
export async function listMyAccessRequests(options: { caller: Caller; now?: Date }): Promise<MyAccessRequestDto[]> {
  const now = options.now ?? new Date();
  const rows = await db().accountantAccessRequest.findMany({
    where: { accountantId: options.caller.userId, createdAt: { gt: new Date(now.getTime() - ACCESS_REQUEST_HISTORY_DAYS * 86_400_000) } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  const lines = new Map<string, MyAccessRequestDto>();
  for (const row of rows) {
    const key = `${row.kvkNumber}:${row.createdAt.toISOString()}`;
    const status: MyAccessRequestDto["status"] = row.approvedAt
      ? "approved"
      : row.withdrawnAt
        ? "withdrawn"
        : row.expiresAt <= now
          ? "expired"
          : "open";
    const line = lines.get(key);
    if (line && (line.status === "approved" || status !== "approved")) continue;
    lines.set(key, {
      id: row.id,
      kvkNumber: row.kvkNumber,
      ownerEmail: row.ownerEmail,
      status,
      expiresAt: row.expiresAt.toISOString(),
      createdAt: row.createdAt.toISOString(),
    });
  }
  return [...lines.values()];
}

export async function listBusinessAccessRequests(options: {
  caller: Caller;
  businessId: string;
  now?: Date;
}): Promise<BusinessAccessRequestDto[]> {
  const { businessId } = options;
  await requireBusinessAccess({ ...options, need: "manage" });
  const rows = await db().accountantAccessRequest.findMany({
    // An unverified accountant's request is not shown: it could not be approved (decide-access-request.ts).
    where: {
      businessId,
      approvedAt: null,
      rejectedAt: null,
      withdrawnAt: null,
      expiresAt: { gt: options.now ?? new Date() },
      accountant: { emailVerifiedAt: { not: null } },
    },
    include: {
      accountant: {
        select: { name: true, email: true, accountantFirm: true, firmMembership: { select: { firm: { select: { name: true } } } } },
      },
    },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    accountantName: r.accountant.name,
    accountantEmail: r.accountant.email,
    firm: r.accountant.firmMembership?.firm.name ?? r.accountant.accountantFirm,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  }));
}
