// ICP and OSS figures per quarter (issue #20), from a year's invoices. Pure: no I/O.
// - ICP statement (opgaaf intracommunautaire prestaties): per customer VAT number, the
//   intra-EU supplies of goods to businesses (EU_B2B_GOODS) and the services to businesses
//   reverse-charged in their state (EU_B2B_SERVICES). A supply without the customer's VAT
//   number is listed apart: the statement needs one.
// - OSS return: per member state of the consumer, the distance sales taxed there
//   (EU_B2C_FOREIGN_VAT), net and the VAT charged. OSS applies once the EU-wide distance
//   sales (EU_B2C_NL_VAT + EU_B2C_FOREIGN_VAT) go over the art. 59c threshold (€10,000,
//   KOR-RULES.md §1) — from the supply that crosses it, or from 1 January when the
//   previous year went over it. Sales still booked with Dutch VAT from then on are named.
// Euro cents throughout; credit notes are negative and net out.
import { CATEGORIES, isEuMemberState, ruleRef, rulesFor, type Category, type ISODate, type RuleRef } from "@/lib/kor";

export type IcpOssInvoice = {
  id: string;
  number: string;
  date: ISODate;
  category: Category;
  netCents: number;
  vatCents: number;
  country: string | null;
  customerName: string;
  customerCountry: string | null;
  customerVatId: string | null;
};

export type IcpLine = {
  /** The customer's VAT number, normalised (upper case, no spaces or dots); null when the invoices have none. */
  vatId: string | null;
  /** The customer's member state. */
  country: string | null;
  customerName: string;
  goodsCents: number;
  servicesCents: number;
  invoices: string[];
};

export type OssLine = { state: string; netCents: number; vatCents: number; invoices: string[] };

export type IcpOssQuarter = {
  quarter: string;
  icp: IcpLine[];
  icpTotals: { goodsCents: number; servicesCents: number };
  /** Empty while OSS does not apply and no sale was booked with foreign VAT. */
  oss: OssLine[];
  ossTotals: { netCents: number; vatCents: number };
};

export type OssStart = RuleRef & {
  /** From this date every distance sale is taxed in the consumer's state. */
  from: ISODate;
  reason: "previousYear" | "crossed";
  /** The sale that took the year's distance sales over the threshold (reason "crossed"). */
  invoiceNumber: string | null;
  thresholdCents: number;
};

export type IcpOss = {
  year: number;
  icpRule: RuleRef;
  ossRule: RuleRef;
  quarters: IcpOssQuarter[];
  /** Null: the year's distance sales stayed at or under the threshold (OSS is then a choice). */
  ossStart: OssStart | null;
  /** The art. 59c threshold of the year (null before 2021). */
  distanceSalesThresholdCents: number | null;
  /** This year's distance sales so far (EU_B2C_NL_VAT + EU_B2C_FOREIGN_VAT). */
  distanceSalesCents: number;
  /** Distance sales on or after ossStart still booked with Dutch VAT (EU_B2C_NL_VAT): to correct. */
  dutchVatAfterOssStart: { id: string; number: string; date: ISODate; netCents: number }[];
};

const DISTANCE: ReadonlySet<Category> = new Set(["EU_B2C_NL_VAT", "EU_B2C_FOREIGN_VAT"]);

/** "NL 123.456.789 B01" → "NL123456789B01". */
export function normaliseVatId(vatId: string | null): string | null {
  const normal = vatId?.replace(/[\s.-]/g, "").toUpperCase() ?? "";
  return normal === "" ? null : normal;
}

/** The member state of an ICP customer: the invoice's country, the customer's country, or the VAT number's prefix (EL is Greece, GR). */
function icpCountry(invoice: IcpOssInvoice, vatId: string | null): string | null {
  if (invoice.country) return invoice.country;
  if (invoice.customerCountry && isEuMemberState(invoice.customerCountry)) return invoice.customerCountry;
  const prefix = vatId?.slice(0, 2) === "EL" ? "GR" : vatId?.slice(0, 2);
  return prefix && isEuMemberState(prefix) ? prefix : null;
}

function quarterIndex(date: ISODate): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3);
}

/**
 * The figures of `year`. `invoices` are the year's and the previous year's, in the engine's
 * order (date, then sequence or input order), credit notes included.
 */
export function buildIcpOss(options: { year: number; invoices: readonly IcpOssInvoice[] }): IcpOss {
  const { year } = options;
  const prefix = String(year);
  const thisYear = options.invoices.filter((invoice) => invoice.date.startsWith(prefix));
  const threshold = rulesFor(year).distanceSalesThresholdCents;

  // When OSS applies (§1, art. 59c).
  let ossStart: OssStart | null = null;
  const previousDistance = options.invoices
    .filter((i) => i.date.startsWith(String(year - 1)) && DISTANCE.has(i.category))
    .reduce((sum, i) => sum + i.netCents, 0);
  let distanceSalesCents = 0;
  if (threshold !== null && previousDistance > threshold) {
    ossStart = {
      ...ruleRef("distanceSales.threshold"),
      from: `${year}-01-01`,
      reason: "previousYear",
      invoiceNumber: null,
      thresholdCents: threshold,
    };
  }
  for (const invoice of thisYear) {
    if (!DISTANCE.has(invoice.category)) continue;
    distanceSalesCents += invoice.netCents;
    if (threshold !== null && ossStart === null && distanceSalesCents > threshold) {
      ossStart = {
        ...ruleRef("distanceSales.threshold"),
        from: invoice.date,
        reason: "crossed",
        invoiceNumber: invoice.number,
        thresholdCents: threshold,
      };
    }
  }
  const startIndex =
    ossStart === null
      ? -1
      : ossStart.reason === "previousYear"
        ? 0
        : thisYear.findIndex((i) => i.number === ossStart!.invoiceNumber && DISTANCE.has(i.category));
  const dutchVatAfterOssStart =
    startIndex < 0
      ? []
      : thisYear
          .slice(startIndex)
          .filter((i) => i.category === "EU_B2C_NL_VAT")
          .map(({ id, number, date, netCents }) => ({ id, number, date, netCents }));

  const quarters: IcpOssQuarter[] = [1, 2, 3, 4].map((q) => ({
    quarter: `${year}-Q${q}`,
    icp: [],
    icpTotals: { goodsCents: 0, servicesCents: 0 },
    oss: [],
    ossTotals: { netCents: 0, vatCents: 0 },
  }));
  for (const invoice of thisYear) {
    const quarter = quarters[quarterIndex(invoice.date)]!;
    if (invoice.category === "EU_B2B_GOODS" || invoice.category === "EU_B2B_SERVICES") {
      const vatId = normaliseVatId(invoice.customerVatId);
      const country = icpCountry(invoice, vatId);
      // One line per VAT number; without one, per customer name and country so nothing is lost.
      let line = quarter.icp.find((l) =>
        vatId !== null ? l.vatId === vatId : l.vatId === null && l.customerName === invoice.customerName && l.country === country,
      );
      if (!line) {
        line = { vatId, country, customerName: invoice.customerName, goodsCents: 0, servicesCents: 0, invoices: [] };
        quarter.icp.push(line);
      }
      const field = invoice.category === "EU_B2B_GOODS" ? "goodsCents" : "servicesCents";
      line[field] += invoice.netCents;
      quarter.icpTotals[field] += invoice.netCents;
      line.invoices.push(invoice.number);
    } else if (invoice.category === "EU_B2C_FOREIGN_VAT" && invoice.country) {
      let line = quarter.oss.find((l) => l.state === invoice.country);
      if (!line) {
        line = { state: invoice.country, netCents: 0, vatCents: 0, invoices: [] };
        quarter.oss.push(line);
      }
      line.netCents += invoice.netCents;
      line.vatCents += invoice.vatCents;
      quarter.ossTotals.netCents += invoice.netCents;
      quarter.ossTotals.vatCents += invoice.vatCents;
      line.invoices.push(invoice.number);
    }
  }
  for (const quarter of quarters) {
    // Lines with a VAT number first, by country and number; those without last.
    quarter.icp.sort((a, b) =>
      (a.vatId === null) !== (b.vatId === null)
        ? a.vatId === null
          ? 1
          : -1
        : `${a.country ?? ""}${a.vatId ?? a.customerName}`.localeCompare(`${b.country ?? ""}${b.vatId ?? b.customerName}`),
    );
    quarter.oss.sort((a, b) => a.state.localeCompare(b.state));
  }
  return {
    year,
    icpRule: ruleRef("icp.statement"),
    ossRule: ruleRef("oss.return"),
    quarters,
    ossStart,
    distanceSalesThresholdCents: threshold,
    distanceSalesCents,
    dutchVatAfterOssStart,
  };
}

/** Whether a category is part of these figures (for loading only what is needed). */
export const ICP_OSS_CATEGORIES: readonly Category[] = (Object.keys(CATEGORIES) as Category[]).filter(
  (c) => c === "EU_B2B_GOODS" || c === "EU_B2B_SERVICES" || DISTANCE.has(c),
);
