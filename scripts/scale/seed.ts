// The scale run's tenants, written in process in system mode (as drempel_worker) through the
// app's own services: Alfa and Beta (20 invoices of €400 each, an API token, a password)
// hammer their books; Gamma (no invoices yet, an owner and a member who both get alert
// mails) receives the burst of invoices that crosses every alert level.
import { useDatabaseInProcess } from "@/test/integration/database";

export const PASSWORD = "scale-test-password-1";
export const YEAR = new Date().getUTCFullYear();
export const SEEDED_INVOICES = 20;
export const SEEDED_NET_CENTS = 40_000;

export type Tenant = {
  name: string;
  email: string;
  businessId: string;
  businessName: string;
  invoiceIds: string[];
  token: string;
  /** Session cookies, one per web node (signed in on that node). */
  cookies: string[];
  /** Every address that gets this business's alert mails. */
  recipients: string[];
};

export async function seedTenants(databaseUrl: string): Promise<{ alfa: Tenant; beta: Tenant; gamma: Tenant }> {
  useDatabaseInProcess(databaseUrl);
  const { db, disconnectDb } = await import("@/lib/platform/db/client");
  const { hashPassword } = await import("@/lib/platform/auth/password");
  const { createBusiness } = await import("@/lib/features/businesses/create-business");
  const { createInvoice } = await import("@/lib/features/invoices/create-invoice");
  const { createApiToken } = await import("@/lib/features/api-tokens/create-api-token");
  const passwordHash = await hashPassword(PASSWORD);
  const tenants: Tenant[] = [];
  try {
    for (const name of ["Alfa", "Beta", "Gamma"]) {
      const email = `schaal-${name.toLowerCase()}@drempel.test`;
      const user = await db().user.create({ data: { email, name: `Schaal ${name}`, passwordHash, emailVerifiedAt: new Date() } });
      const businessName = `Schaal ${name} BV`;
      const business = await createBusiness({
        caller: { userId: user.id },
        input: { name: businessName, korParticipations: [{ from: `${YEAR - 1}-01-01` }] },
      });
      const invoiceIds: string[] = [];
      for (let i = 1; i <= (name === "Gamma" ? 0 : SEEDED_INVOICES); i++) {
        const invoice = await createInvoice({
          caller: { userId: user.id },
          businessId: business.id,
          input: {
            number: `${name}-${i}`,
            date: `${YEAR}-01-${String(i).padStart(2, "0")}`,
            customer: { name: `Klant ${name} ${i}` },
            category: "NL_STANDARD",
            netCents: SEEDED_NET_CENTS,
          },
        });
        invoiceIds.push(invoice.id);
      }
      const { secret } = await createApiToken({ caller: { userId: user.id }, input: { name: "scale", scope: "read_write" } });
      const recipients = [email];
      if (name === "Gamma") {
        const memberEmail = "schaal-gamma-lid@drempel.test";
        const member = await db().user.create({
          data: { email: memberEmail, name: "Schaal Gamma Lid", passwordHash, emailVerifiedAt: new Date() },
        });
        await db().membership.create({ data: { businessId: business.id, userId: member.id, role: "MEMBER" } });
        recipients.push(memberEmail);
      }
      tenants.push({ name, email, businessId: business.id, businessName, invoiceIds, token: secret, cookies: [], recipients });
    }
  } finally {
    await disconnectDb();
  }
  const [alfa, beta, gamma] = tenants as [Tenant, Tenant, Tenant];
  return { alfa, beta, gamma };
}
