// The VAT category code of an e-invoice (UNCL 5305, as used by EN 16931, Peppol BIS Billing
// 3.0 and SI-UBL 2.0: S, Z, E, AE, K, G, O, L, M) together with the customer's country and
// type, read as one of Drempel's categories (KOR-RULES §2) — or "review" when the code does
// not settle whether the turnover counts. A code is never guessed into the KOR total: a
// 0% or reverse-charged supply abroad may be goods (counts) or a service (does not).
import { isEuMemberState, rulesFor, type Category } from "@/lib/kor";

export const VAT_CATEGORY_CODES = ["S", "Z", "E", "AE", "K", "G", "O", "L", "M"] as const;

export type VatCodeFacts = {
  /** UNCL 5305 code, any case. */
  code: string;
  /** The rate as written ("21", "21.00", "9"); empty when not given. */
  percent: string;
  /** The customer's country (ISO 3166 alpha-2, upper case); "" when unknown. */
  country: string;
  /** Where the goods were delivered (EN 16931 BT-80); "" when not given. */
  deliveryCountry: string;
  type: "business" | "consumer" | undefined;
  /** VATEX code (BT-121) and/or the reason in words (BT-120). */
  exemptionReason: string;
  /** The transaction's year: which rates are Dutch rates. */
  year: number;
  /** The category for a supply the code leaves undecided in NL (the mapping's default). */
  fallback: Category;
};

export type VatCodeOutcome = { category: Category } | { review: string };

/** An exemption that is the KOR itself (artikel 25 Wet OB): a domestic supply, which counts. */
const KOR_EXEMPTION = /\bkor\b|kleine\s*ondernemers\s*regeling|kleineondernemersregeling|art(?:ikel|\.)?\s*25\b|small\s+business\s+scheme/i;
/** Art. 132 of the VAT directive (healthcare, education, sport, culture…): exempt, never counted (§2 EXEMPT_OTHER). */
const ARTICLE_132 = /^vatex-eu-132(-|$)/i;

function ratePercent(raw: string): number | null {
  const text = raw.trim().replace(",", ".").replace(/%$/, "");
  if (!/^\d{1,3}(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

export function categoryFromVatCode(facts: VatCodeFacts): VatCodeOutcome {
  const code = facts.code.trim().toUpperCase().slice(0, 8);
  const { country, deliveryCountry, type } = facts;
  const review = {
    review: `${country || "?"}|${type ?? "?"}|${code}${code === "S" && facts.percent ? ` ${ratePercent(facts.percent) ?? facts.percent}%` : ""}`,
  };
  const domestic = country === "NL";
  const otherEuState = (state: string) => state !== "" && state !== "NL" && isEuMemberState(state);
  const outsideEu = (state: string) => state !== "" && !isEuMemberState(state);
  switch (code) {
    case "S": {
      const rates = rulesFor(facts.year).vatRatesPercent;
      const percent = ratePercent(facts.percent);
      const kind = percent === rates.standard ? "NL_STANDARD" : percent === rates.reduced ? "NL_REDUCED" : null;
      // Another rate is another state's VAT (OSS, or a local supply there): for the user to say.
      if (!kind) return review;
      if (domestic || country === "") return { category: kind };
      // Dutch VAT charged to a consumer elsewhere in the EU: a distance sale still taxed in NL.
      if (otherEuState(country) && type === "consumer") return { category: "EU_B2C_NL_VAT" };
      return review;
    }
    case "Z":
      return domestic ? { category: "NL_ZERO" } : review;
    case "E":
      if (ARTICLE_132.test(facts.exemptionReason.trim())) return { category: "EXEMPT_OTHER" };
      // "Vrijgesteld (KOR)": a Dutch supply without VAT because of the KOR, which counts.
      if (KOR_EXEMPTION.test(facts.exemptionReason) && (domestic || country === "")) return { category: facts.fallback };
      // Real estate, financial and insurance exemptions count, others do not; no code tells them apart.
      return review;
    case "AE":
      if (domestic) return { category: "NL_REVERSE_CHARGE" };
      // Goods to a business in another member state are K (intra-community supply); AE
      // there is a service reverse-charged in the customer's state, which does not count.
      if (otherEuState(country) && type === "business") return { category: "EU_B2B_SERVICES" };
      return review;
    case "K":
      // An intra-community supply of goods (art. 138) names where the goods went (BR-IC-12).
      if (otherEuState(country) && type === "business" && otherEuState(deliveryCountry)) return { category: "EU_B2B_GOODS" };
      return review;
    case "G":
      // Export of goods: they leave the EU.
      if (outsideEu(deliveryCountry || country)) return { category: "EXPORT_NON_EU" };
      return review;
    case "O":
      // Outside the scope of Dutch VAT: a service to a business outside the EU does not count.
      // To a consumer the place of supply is often NL after all; elsewhere it is unclear.
      if (outsideEu(country) && type === "business") return { category: "NON_EU_SERVICES" };
      return review;
    default:
      // L and M (Canary Islands, Ceuta and Melilla) and codes not in UNCL 5305.
      return review;
  }
}
