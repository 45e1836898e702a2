// Demo data for the embedded database: three accounts, three businesses, a year and a
// bit of invoices. Runs once: an existing demo owner means the demo is there already.
import { db } from "@/lib/db/client";
import { runAsSystem } from "@/lib/db/db-context";
import { hashPassword } from "@/lib/auth/password";
import { amsterdamToday } from "@/lib/dates/amsterdam-today";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import type { InvoiceCategory } from "@/lib/generated/prisma/client";
import { fromIsoDate } from "@/lib/validation";

type DemoInvoice = { date: string; netCents: number; category: InvoiceCategory; customerName: string; description: string; country?: string };

/** Monthly invoices from January of `fromYear` to today, amounts cycling through `pattern`. */
export function monthlyInvoices(options: { today: string; fromYear: number; pattern: number[]; day: number; customers: string[]; description: string }): DemoInvoice[] {
  const { today, fromYear, pattern, day, customers, description } = options;
  const invoices: DemoInvoice[] = [];
  const [year, month] = today.split("-").map(Number) as [number, number];
  for (let y = fromYear; y <= year; y++) {
    for (let m = 1; m <= 12; m++) {
      const date = `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      if (y === year && (m > month || date > today)) break;
      const index = invoices.length;
      invoices.push({
        date,
        netCents: pattern[index % pattern.length]!,
        category: "NL_STANDARD",
        customerName: customers[index % customers.length]!,
        description,
      });
    }
  }
  return invoices;
}

/** Seeds the demo in system mode (row-level security: the seed belongs to no user). */
export function seedDemo(options: { today?: string } = {}): Promise<boolean> {
  return runAsSystem(() => insertDemo(options));
}

async function insertDemo(options: { today?: string }): Promise<boolean> {
  const client = db();
  const owner = DEMO_ACCOUNTS[0];
  if (await client.user.findUnique({ where: { email: owner.email } })) return false;
  const today = options.today ?? amsterdamToday();
  const year = Number(today.slice(0, 4));
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await client.$transaction(async (tx) => {
    const [eva, tom, accountant] = await Promise.all(
      DEMO_ACCOUNTS.map((account) =>
        tx.user.create({
          data: {
            email: account.email,
            name: account.name,
            passwordHash,
            isAccountant: account.email.startsWith("boekhouder"),
            accountantFirm: account.email.startsWith("boekhouder") ? "Boekhoudkantoor Bram" : null,
            // Seeded, not registered: the demo addresses count as verified.
            emailVerifiedAt: new Date(),
          },
        }),
      ),
    );
    const businesses = [
      {
        owner: eva!,
        name: "Studio Eva",
        kvkNumber: "12345678",
        vatNumber: "NL000099998B57",
        korFrom: `${year - 2}-01-01`,
        accountantAccess: "READ_ONLY" as const,
        // About €1,650 a month: close to €20,000 by November (the near-limit demo).
        invoices: monthlyInvoices({ today, fromYear: year - 1, pattern: [145000, 182500, 160000, 171000], day: 12, customers: ["Bakkerij De Korenaar", "Gemeente Utrecht", "Fietsenwinkel Snel"], description: "Illustraties en ontwerp" }),
      },
      {
        owner: eva!,
        name: "Eva Advies",
        kvkNumber: "87654321",
        vatNumber: null,
        korFrom: null,
        accountantAccess: null,
        invoices: monthlyInvoices({ today, fromYear: year, pattern: [95000, 60000, 120000], day: 20, customers: ["Stichting Groen", "Jansen BV"], description: "Adviesuren" }),
      },
      {
        owner: tom!,
        name: "Fietsenmakerij Tom",
        kvkNumber: "11223344",
        vatNumber: null,
        korFrom: `${year - 1}-01-01`,
        accountantAccess: "READ_WRITE" as const,
        invoices: monthlyInvoices({ today, fromYear: year, pattern: [70000, 85000, 90000], day: 5, customers: ["Particulier"], description: "Reparaties" }),
      },
    ];
    for (const demo of businesses) {
      const business = await tx.business.create({
        data: { name: demo.name, kvkNumber: demo.kvkNumber, vatNumber: demo.vatNumber, filingPeriod: "QUARTER" },
      });
      await tx.membership.create({ data: { businessId: business.id, userId: demo.owner.id, role: "OWNER" } });
      // The demo accountant (issue #7): read-only for Studio Eva, read-and-register for Fietsenmakerij Tom.
      if (demo.accountantAccess && accountant) {
        await tx.membership.create({ data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: demo.accountantAccess } });
      }
      if (demo.korFrom) await tx.korParticipation.create({ data: { businessId: business.id, from: fromIsoDate(demo.korFrom) } });
      await tx.invoice.createMany({
        data: demo.invoices.map((invoice, index) => ({
          businessId: business.id,
          number: `${invoice.date.slice(0, 4)}-${String(index + 1).padStart(3, "0")}`,
          date: fromIsoDate(invoice.date),
          netCents: invoice.netCents,
          vatCents: demo.korFrom ? 0 : Math.round(invoice.netCents * 0.21),
          category: invoice.category,
          customerName: invoice.customerName,
          customerCountry: "NL",
          description: invoice.description,
          createdById: demo.owner.id,
        })),
      });
    }
  });
  return true;
}
