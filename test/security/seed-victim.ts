// Seeds the cross-tenant spec's world with the app's own functions, on DATABASE_URL, and
// prints it as JSON (run by e2e/tenant-isolation.spec.ts through tsx: Playwright's loader
// cannot import lib/). A victim owns a business with invoices near the KOR limit; an
// accountant had read-write access while its alerts were raised and was then revoked; an
// outsider has a business of their own. A web server's worker must be running on the
// same database: the script waits until it has evaluated the victim's business.
import crypto from "node:crypto";
import { db, disconnectDb } from "@/lib/platform/db/client";
import { setDefaultDbContext } from "@/lib/platform/db/db-context";
import { hashPassword } from "@/lib/platform/auth/password";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { createPurchase } from "@/lib/features/purchases/save-purchase";
import { createApiToken } from "@/lib/features/api-tokens/create-api-token";
import { importBankStatement } from "@/lib/features/bank/import-bank-statement";
import { inviteAccountant } from "@/lib/features/accountant/invite-accountant";
import { respondToInvitation } from "@/lib/features/accountant/respond-to-invitation";
import { revokeAccountant } from "@/lib/features/accountant/revoke-accountant";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import type { Victim } from "@/test/security/app-routes";
import { mailedInvitationToken } from "@/test/integration/factories";

export type Seeded = Victim & {
  businessName: string;
  /** Text only the victim's pages may show: business name, invoice numbers, customer, description. */
  secrets: string[];
  /** What the owner's own answers show (the secrets, an invoice id, the year's €21,000 in cents): the control. */
  ownerMarkers: string[];
  ownerEmail: string;
  outsiderEmail: string;
  accountantEmail: string;
  outsiderToken: string;
  accountantToken: string;
};

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting until ${what}`);
}

export async function seedVictim(password: string): Promise<Seeded> {
  const suffix = crypto.randomBytes(4).toString("hex");
  const passwordHash = await hashPassword(password);
  const user = (label: string, name: string) =>
    db().user.create({
      data: { email: `${label}-${suffix}@isolatie.drempel.nl`, name: `${name} ${suffix}`, passwordHash, emailVerifiedAt: new Date() },
    });
  const owner = await user("slachtoffer", "Vera Slachtoffer");
  const accountant = await user("oud-boekhouder", "Otto Oud-Boekhouder");
  const outsider = await user("buitenstaander", "Bert Buitenstaander");
  const today = amsterdamToday();
  const businessName = `Slachtoffer Studio ${suffix}`;
  const business = await createBusiness({
    caller: { userId: owner.id },
    input: { name: businessName, kvkNumber: "12345678", korParticipations: [{ from: `${Number(today.slice(0, 4)) - 1}-01-01` }] },
  });

  const invitation = await inviteAccountant({
    caller: { userId: owner.id },
    businessId: business.id,
    input: { email: accountant.email, access: "READ_WRITE" },
  });
  await respondToInvitation({ caller: { userId: accountant.id }, token: await mailedInvitationToken(invitation.id), accept: true });
  const customer = `Geheime Klant ${suffix}`;
  const description = `Geheim project ${suffix}`;
  const invoiceIds: string[] = [];
  // 3 × €6,000 = 90% of the €20,000 KOR limit, then €3,000 over it: alerts for the owner
  // and the accountant, and an invoice sent without VAT (the remediation download has a line).
  for (const [i, netCents] of [
    [1, 600_000],
    [2, 600_000],
    [3, 600_000],
    [4, 300_000],
  ] as const) {
    const invoice = await createInvoice({
      caller: { userId: owner.id },
      businessId: business.id,
      input: {
        number: `GEHEIM-${suffix}-${i}`,
        date: today,
        sequence: i,
        customer: { name: customer },
        category: "NL_STANDARD",
        netCents,
        description,
      },
    });
    invoiceIds.push(invoice.id);
  }
  // A service to the secret customer's German branch: not counted for the KOR, but listed in the
  // ICP figures (page, CSV and API), so the owner's control read of those routes shows a marker.
  await createInvoice({
    caller: { userId: owner.id },
    businessId: business.id,
    input: {
      number: `GEHEIM-${suffix}-EU`,
      date: today,
      customer: { name: customer, country: "DE", type: "business", vatId: "DE123456789" },
      category: "EU_B2B_SERVICES",
      country: "DE",
      netCents: 50_000,
      description,
    },
  });
  // A bank statement with a payment from the secret customer: a candidate only the owner may see or decide.
  const camt = `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>V</MsgId><CreDtTm>${today}T06:00:00Z</CreDtTm></GrpHdr><Stmt><Id>V-${suffix}</Id><CreDtTm>${today}T06:00:00Z</CreDtTm><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct><Ntry><Amt Ccy="EUR">123.45</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${today}</Dt></BookgDt><AcctSvcrRef>V-${suffix}-1</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${customer}</Nm></Dbtr><DbtrAcct><Id><IBAN>NL20INGB0001234567</IBAN></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>${description}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>`;
  const { candidates } = await importBankStatement({
    caller: { userId: owner.id },
    businessId: business.id,
    bytes: new TextEncoder().encode(camt),
  });
  // A purchase whose supplier is a secret too (purchases pages and API).
  const purchaseId = (
    await createPurchase({
      caller: { userId: owner.id },
      businessId: business.id,
      input: { date: today, supplier: { name: `Geheime Leverancier ${suffix}` }, netCents: 50_000, description },
    })
  ).id;
  const outsiderBusiness = await createBusiness({ caller: { userId: outsider.id }, input: { name: `Buurman Zaak ${suffix}` } });
  await createInvoice({
    caller: { userId: outsider.id },
    businessId: outsiderBusiness.id,
    input: { number: `EIGEN-${suffix}`, date: today, customer: { name: "Eigen Klant" }, category: "NL_STANDARD", netCents: 10_000 },
  });

  await waitFor("the worker evaluated the victim's business and sent its mails", async () => {
    const [pending, alerts] = await Promise.all([
      db().outboxJob.count({ where: { businessId: business.id, status: { in: ["PENDING", "SENDING"] } } }),
      db().businessAlert.count({ where: { businessId: business.id } }),
    ]);
    return pending === 0 && alerts > 0;
  });
  const notified = await db().notification.count({ where: { userId: accountant.id, businessId: business.id } });
  if (notified === 0) throw new Error("the accountant was not notified while they had access");

  const membership = await db().membership.findFirstOrThrow({ where: { businessId: business.id, userId: accountant.id } });
  await revokeAccountant({ caller: { userId: owner.id }, businessId: business.id, membershipId: membership.id });

  return {
    businessId: business.id,
    invoiceId: invoiceIds[0]!,
    bankLineId: candidates[0]!.id,
    purchaseId,
    businessName,
    secrets: [businessName, `GEHEIM-${suffix}`, customer, description],
    ownerMarkers: [businessName, `GEHEIM-${suffix}`, customer, description, ...invoiceIds, "2100000"],
    ownerEmail: owner.email,
    outsiderEmail: outsider.email,
    accountantEmail: accountant.email,
    outsiderToken: (await createApiToken({ caller: { userId: outsider.id }, input: { name: "isolatie", scope: "read_write" } })).secret,
    accountantToken: (await createApiToken({ caller: { userId: accountant.id }, input: { name: "isolatie", scope: "read_write" } })).secret,
  };
}

if (process.argv[1]?.endsWith("seed-victim.ts")) {
  // A fixture script, not a request: its lib calls see every row, as seeding does.
  setDefaultDbContext({ kind: "system" });
  try {
    console.log(JSON.stringify(await seedVictim(process.env.SEED_PASSWORD ?? "een-lang-wachtwoord")));
  } finally {
    await disconnectDb();
  }
}
