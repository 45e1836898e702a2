// The category of an import row when the file does not name it: derived from the
// country, the customer type and the VAT treatment together (KOR-RULES §2) — an
// e-invoice's VAT category code when it has one (vat-category-code.ts), else the VAT
// rate. What cannot be derived safely is "review": never guessed into the KOR total.
import { isEuMemberState, CATEGORY_CODES, type Category } from "@/lib/kor";
import type { ImportField } from "@/lib/features/invoices/import/import.types";
import { parseDate } from "@/lib/features/invoices/import/parse-values";
import { categoryFromVatCode } from "@/lib/features/invoices/import/vat-category-code";

export type CategoryOutcome = { category: Category } | { review: string } | { invalid: true };

/**
 * The category of a row: its own column when it has one; else derived from the country,
 * the customer type and the VAT treatment together (KOR-RULES §2). A 0% or reverse-charged
 * row abroad may be goods (counts) or services (does not): that is for the user to say.
 */
export function categoryFrom(cells: Record<ImportField, string | undefined>, fallback: Category): CategoryOutcome {
  const value = cells.category
    ?.trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
  if (value) return (CATEGORY_CODES as readonly string[]).includes(value) ? { category: value as Category } : { invalid: true };
  const country = (cells.country?.trim() || cells.customerCountry?.trim() || "").toUpperCase();
  const type = customerTypeFrom(cells.customerType) ?? (cells.customerVatId?.trim() ? "business" : undefined);
  if (cells.vatCategoryCode?.trim()) {
    // An e-invoice's VAT category code (UNCL 5305) with the customer's country and type.
    const year = Number(parseDate(cells.date ?? "")?.slice(0, 4) ?? new Date().getFullYear());
    return categoryFromVatCode({
      code: cells.vatCategoryCode,
      percent: cells.vatRate ?? "",
      country,
      deliveryCountry: (cells.deliveryCountry?.trim() ?? "").toUpperCase(),
      type: type === "business" || type === "consumer" ? type : undefined,
      exemptionReason: cells.vatExemptionReason ?? "",
      year,
      fallback,
    });
  }
  const rate = cells.vatRate?.trim().toLowerCase().replace(/\s|%/g, "") ?? "";
  const domestic = country === "NL";
  const unknownCountry = country === "";
  const euConsumer = !domestic && !unknownCountry && isEuMemberState(country) && type === "consumer";
  const review = { review: `${country || "?"}|${type ?? "?"}|${rate || "?"}` };
  const standard = rate === "21" || rate === "21,0" || rate === "21.0" || rate === "hoog";
  const reduced = rate === "9" || rate === "9,0" || rate === "9.0" || rate === "laag";
  const zero = rate === "0" || rate === "0,0" || rate === "0.0" || rate === "nul";
  const reverse = rate.includes("verlegd") || rate.includes("reverse");
  if (standard || reduced) {
    if (domestic || unknownCountry) return { category: standard ? "NL_STANDARD" : "NL_REDUCED" };
    // Dutch VAT charged to a consumer elsewhere in the EU: a distance sale taxed in NL.
    return euConsumer ? { category: "EU_B2C_NL_VAT" } : review;
  }
  if (zero || reverse) {
    if (domestic) return { category: zero ? "NL_ZERO" : "NL_REVERSE_CHARGE" };
    return review;
  }
  return domestic || unknownCountry ? { category: fallback } : review;
}

export function customerTypeFrom(raw: string | undefined): string | undefined {
  const value = raw?.trim().toLowerCase();
  if (!value) return undefined;
  if (["business", "zakelijk", "b2b", "bedrijf"].includes(value)) return "business";
  if (["consumer", "particulier", "b2c", "consument"].includes(value)) return "consumer";
  return value;
}
