// Demo data for the embedded database: three accounts, six businesses, a year and a
// bit of invoices. Besides the everyday businesses, the demo owner has one that crossed
// €20,000 this year (with an invoice at 0% after the crossing), one under the EU-KOR with
// sales in two member states, and one with investment goods for the revision planner, so
// a newcomer sees every part of the product without typing. The crossed business and the one
// outside the KOR have purchases, so the purchases page and the VAT return are not empty. Dates are relative to today.
// Runs once: an existing demo owner means the demo is there already.
import { db } from "@/lib/platform/db/client";
import { runAsSystem } from "@/lib/platform/db/db-context";
import { hashPassword } from "@/lib/platform/auth/password";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/features/demo/demo-accounts";
import type { InvoiceCategory } from "@/lib/platform/db/generated/prisma/client";
import { purchaseInputSchema } from "@/lib/features/purchases/purchase.types";
import { insertPurchase } from "@/lib/features/purchases/save-purchase";
import { fromIsoDate } from "@/lib/platform/validation";

type DemoInvoice = {
  date: string;
  netCents: number;
  category: InvoiceCategory;
  customerName: string;
  description: string;
  /** Member state of an EU category (EU_LOCAL and the like). */
  country?: string;
  /** The VAT charged; without it 0 in the KOR and 21% outside it. */
  vatCents?: number;
  /** Order within the day (the spread invoices can share a date early in January). */
  sequence?: number;
};

/** The date `fraction` of the way from 1 January to `today` (so always in this year, never after today). */
export function dateInYearSoFar(today: string, fraction: number): string {
  const start = Date.UTC(Number(today.slice(0, 4)), 0, 1);
  const end = Date.parse(`${today}T00:00:00Z`);
  const day = Math.floor(((end - start) / 86_400_000) * fraction);
  return new Date(start + day * 86_400_000).toISOString().slice(0, 10);
}

/** The business that crossed €20,000 this year: eight invoices of €2,800 (the eighth crosses), then one more at 0% and one with 21%. */
export function crossingInvoices(today: string): DemoInvoice[] {
  const customers = ["Hotel De Linde", "Restaurant Smaak", "Gemeente Zeist", "Café Het Hoekje"];
  const invoices: DemoInvoice[] = [0.05, 0.12, 0.2, 0.28, 0.36, 0.44, 0.52, 0.6].map((fraction, index) => ({
    date: dateInYearSoFar(today, fraction),
    netCents: 280000,
    category: "NL_STANDARD",
    customerName: customers[index % customers.length]!,
    description: "Catering",
    vatCents: 0,
  }));
  // Sent without VAT after the crossing: the remediation table lists it (with the crossing invoice).
  invoices.push({
    date: dateInYearSoFar(today, 0.7),
    netCents: 150000,
    category: "NL_STANDARD",
    customerName: "Hotel De Linde",
    description: "Catering",
    vatCents: 0,
  });
  // After learning of the crossing: with VAT.
  invoices.push({
    date: dateInYearSoFar(today, 0.85),
    netCents: 120000,
    category: "NL_STANDARD",
    customerName: "Restaurant Smaak",
    description: "Catering",
    vatCents: 25200,
  });
  return invoices.map((invoice, index) => ({ ...invoice, sequence: index + 1 }));
}

/** The EU-KOR business: Dutch sales plus sales taxed locally in Belgium and Germany. */
export function euKorInvoices(today: string): DemoInvoice[] {
  const invoices: DemoInvoice[] = [
    {
      date: dateInYearSoFar(today, 0.1),
      netCents: 180000,
      category: "NL_STANDARD",
      customerName: "Galerie Noord",
      description: "Keramiek",
    },
    {
      date: dateInYearSoFar(today, 0.3),
      netCents: 420000,
      category: "EU_LOCAL",
      country: "BE",
      customerName: "Markt Gent",
      description: "Keramiek (markt)",
    },
    { date: dateInYearSoFar(today, 0.5), netCents: 250000, category: "NL_STANDARD", customerName: "Winkel Klei", description: "Keramiek" },
    {
      date: dateInYearSoFar(today, 0.7),
      netCents: 360000,
      category: "EU_LOCAL",
      country: "DE",
      customerName: "Markt Köln",
      description: "Keramiek (markt)",
    },
    {
      date: dateInYearSoFar(today, 0.9),
      netCents: 210000,
      category: "EU_LOCAL",
      country: "BE",
      customerName: "Markt Antwerpen",
      description: "Keramiek (markt)",
    },
  ];
  return invoices.map((invoice, index) => ({ ...invoice, vatCents: 0, sequence: index + 1 }));
}

/** A purchase as the API takes it (lib/features/purchases/purchase.types.ts), validated when seeded. */
type DemoPurchase = {
  date: string;
  reference: string;
  supplier: { name: string; country?: string; vatId?: string };
  netCents: number;
  ratePercent: 21 | 9;
  vatTreatment?: "NL_VAT" | "EU_REVERSE_CHARGE";
  category: "COSTS" | "GOODS_FOR_RESALE" | "INVESTMENT_MOVABLE";
  description: string;
};

/**
 * The crossed business's purchases, all on or after the crossing (the eighth invoice, at
 * 60% of the year so far): ingredients at 21% and 9%, kitchenware from Germany with the VAT
 * reverse-charged (4b), and a combi-steamer as an investment good (the revision planner). So
 * the purchases page and the VAT return of the crossing quarter are not empty.
 */
export function cateringPurchases(today: string): DemoPurchase[] {
  return [
    {
      date: dateInYearSoFar(today, 0.62),
      reference: "GH-4471",
      supplier: { name: "Groothandel Horeca BV" },
      netCents: 85000,
      ratePercent: 21,
      category: "GOODS_FOR_RESALE",
      description: "Dranken en servies",
    },
    {
      date: dateInYearSoFar(today, 0.66),
      reference: "B-0912",
      supplier: { name: "Bakkerij Van Dam" },
      netCents: 42000,
      ratePercent: 9,
      category: "GOODS_FOR_RESALE",
      description: "Brood en gebak",
    },
    {
      date: dateInYearSoFar(today, 0.75),
      reference: "R-2026-118",
      supplier: { name: "Küchenbedarf GmbH", country: "DE", vatId: "DE123456789" },
      netCents: 60000,
      ratePercent: 21,
      vatTreatment: "EU_REVERSE_CHARGE",
      category: "COSTS",
      description: "Keukengerei",
    },
    {
      date: dateInYearSoFar(today, 0.9),
      reference: "KZ-330",
      supplier: { name: "Keukenwinkel Zeist" },
      netCents: 320000,
      ratePercent: 21,
      category: "INVESTMENT_MOVABLE",
      description: "Combi-steamer",
    },
  ];
}

/** The business outside the KOR: a lens filter at 21% and a photography book at 9%. */
export function photographyPurchases(today: string): DemoPurchase[] {
  return [
    {
      date: dateInYearSoFar(today, 0.3),
      reference: "FV-88",
      supplier: { name: "Fotovakhandel Licht" },
      netCents: 24000,
      ratePercent: 21,
      category: "COSTS",
      description: "Filters",
    },
    {
      date: dateInYearSoFar(today, 0.5),
      reference: "BH-12",
      supplier: { name: "Boekhandel Beeld" },
      netCents: 6000,
      ratePercent: 9,
      category: "COSTS",
      description: "Fotoboek",
    },
  ];
}

/** Monthly invoices from January of `fromYear` to today, amounts cycling through `pattern`. */
export function monthlyInvoices(options: {
  today: string;
  fromYear: number;
  pattern: number[];
  day: number;
  customers: string[];
  description: string;
}): DemoInvoice[] {
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
    const businesses: {
      owner: NonNullable<typeof eva>;
      name: string;
      kvkNumber: string;
      vatNumber: string | null;
      korFrom: string | null;
      accountantAccess: "READ_ONLY" | "READ_WRITE" | null;
      invoices: DemoInvoice[];
      euKor?: { from: string; memberStates: string[] };
      investmentGoods?: { description: string; vatCents: number; firstUseYear: number; kind: "MOVABLE" | "IMMOVABLE" }[];
      purchases?: DemoPurchase[];
    }[] = [
      {
        owner: eva!,
        name: "Studio Eva",
        kvkNumber: "12345678",
        vatNumber: "NL000099998B57",
        korFrom: `${year - 2}-01-01`,
        accountantAccess: "READ_ONLY" as const,
        // About €1,650 a month: close to €20,000 by November (the near-limit demo).
        invoices: monthlyInvoices({
          today,
          fromYear: year - 1,
          pattern: [145000, 182500, 160000, 171000],
          day: 12,
          customers: ["Bakkerij De Korenaar", "Gemeente Utrecht", "Fietsenwinkel Snel"],
          description: "Illustraties en ontwerp",
        }),
      },
      {
        owner: eva!,
        name: "Eva Advies",
        kvkNumber: "87654321",
        vatNumber: null,
        korFrom: null,
        accountantAccess: null,
        invoices: monthlyInvoices({
          today,
          fromYear: year,
          pattern: [95000, 60000, 120000],
          day: 20,
          customers: ["Stichting Groen", "Jansen BV"],
          description: "Adviesuren",
        }),
      },
      {
        owner: tom!,
        name: "Fietsenmakerij Tom",
        kvkNumber: "11223344",
        vatNumber: null,
        korFrom: `${year - 1}-01-01`,
        accountantAccess: "READ_WRITE" as const,
        invoices: monthlyInvoices({
          today,
          fromYear: year,
          pattern: [70000, 85000, 90000],
          day: 5,
          customers: ["Particulier"],
          description: "Reparaties",
        }),
      },
      {
        // Crossed €20,000 this year while in the KOR: the crossing panel and the remediation table.
        owner: eva!,
        name: "Catering Eva",
        kvkNumber: "55667788",
        vatNumber: "NL000099998B58",
        korFrom: `${year - 1}-01-01`,
        accountantAccess: null,
        invoices: crossingInvoices(today),
        purchases: cateringPurchases(today),
      },
      {
        // In the KOR at home and under the EU-KOR in Belgium and Germany.
        owner: eva!,
        name: "Keramiek Eva",
        kvkNumber: "99887766",
        vatNumber: "NL000099998B59",
        korFrom: `${year - 1}-01-01`,
        accountantAccess: null,
        euKor: { from: `${year}-01-01`, memberStates: ["BE", "DE"] },
        invoices: euKorInvoices(today),
      },
      {
        // Outside the KOR with investment goods: the revision planner shows what joining would repay.
        owner: eva!,
        name: "Fotografie Eva",
        kvkNumber: "44332211",
        vatNumber: "NL000099998B60",
        korFrom: null,
        accountantAccess: null,
        investmentGoods: [
          { description: "Camera en objectieven", vatCents: 315000, firstUseYear: year - 1, kind: "MOVABLE" },
          { description: "Studioruimte", vatCents: 840000, firstUseYear: year - 2, kind: "IMMOVABLE" },
        ],
        purchases: photographyPurchases(today),
        invoices: monthlyInvoices({
          today,
          fromYear: year,
          pattern: [310000, 265000, 290000],
          day: 15,
          customers: ["Trouwfotografie", "Uitgeverij Beeld"],
          description: "Fotografie",
        }),
      },
    ];
    for (const demo of businesses) {
      const business = await tx.business.create({
        data: {
          name: demo.name,
          kvkNumber: demo.kvkNumber,
          vatNumber: demo.vatNumber,
          filingPeriod: "QUARTER",
          ...(demo.euKor
            ? {
                euKorEnabled: true,
                euKorFrom: fromIsoDate(demo.euKor.from),
                euKorMemberStates: demo.euKor.memberStates,
                euKorExNumber: "NL000099998EX01",
              }
            : {}),
        },
      });
      await tx.membership.create({ data: { businessId: business.id, userId: demo.owner.id, role: "OWNER" } });
      // The demo accountant (issue #7): read-only for Studio Eva, read-and-register for Fietsenmakerij Tom.
      if (demo.accountantAccess && accountant) {
        await tx.membership.create({
          data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: demo.accountantAccess },
        });
      }
      if (demo.korFrom) await tx.korParticipation.create({ data: { businessId: business.id, from: fromIsoDate(demo.korFrom) } });
      await tx.invoice.createMany({
        data: demo.invoices.map((invoice, index) => ({
          businessId: business.id,
          number: `${invoice.date.slice(0, 4)}-${String(index + 1).padStart(3, "0")}`,
          date: fromIsoDate(invoice.date),
          netCents: invoice.netCents,
          vatCents: invoice.vatCents ?? (demo.korFrom ? 0 : Math.round(invoice.netCents * 0.21)),
          category: invoice.category,
          ...(invoice.country ? { country: invoice.country } : {}),
          ...(invoice.sequence !== undefined ? { sequence: invoice.sequence } : {}),
          customerName: invoice.customerName,
          customerCountry: invoice.country ?? "NL",
          description: invoice.description,
          createdById: demo.owner.id,
        })),
      });
      if (demo.investmentGoods) {
        await tx.investmentGood.createMany({ data: demo.investmentGoods.map((good) => ({ businessId: business.id, ...good })) });
      }
      // Through the purchases' own insert, so an investment good gets its planner entry too.
      for (const purchase of demo.purchases ?? []) {
        await insertPurchase(tx, {
          businessId: business.id,
          userId: demo.owner.id,
          data: purchaseInputSchema.parse(purchase),
          audit: false,
        });
      }
    }
  });
  return true;
}
