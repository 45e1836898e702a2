// The 17 transaction categories of docs/domain/KOR-RULES.md §2: whether each counts for the NL KOR
// and for the EU-KOR Union total, which member state it counts for, its Dutch VAT rate,
// and the plain-language texts the invoice form's category picker and the invoice list
// show. `classifyTransaction` is the per-row "why does this count?".

import { rulesFor, withRule, type RuleId } from "./rules";
import { CATEGORY_CODES, type Bilingual, type Category, type RuleRef, type Transaction } from "./types";
import { yearOf } from "./dates";

export type VatRateKind = "standard" | "reduced" | "zero";

export type CategoryInfo = {
  code: Category;
  countsForKor: boolean;
  countsForUnion: boolean;
  /** "NL", the transaction's `country`, or nowhere. */
  memberState: "NL" | "country" | null;
  /** Dutch VAT rate the supplier charges outside the KOR; null when the supplier charges no Dutch VAT (or it varies). */
  vatRate: VatRateKind | null;
  needsCountry: boolean;
  /** The user may mark it as an ancillary (incidental) transaction, which then does not count (C). */
  ancillaryAllowed: boolean;
  label: Bilingual;
  /** One sentence for the category picker. */
  explanation: Bilingual;
  /** Why it does or does not count, for the invoice list. */
  countReason: Bilingual;
  /** The rule behind countReason. */
  ruleId: RuleId;
};

function category(info: Omit<CategoryInfo, "ruleId"> & { ruleId?: RuleId }): CategoryInfo {
  return Object.assign({ ruleId: "count.categories" as RuleId }, info);
}

export const CATEGORIES: Readonly<Record<Category, CategoryInfo>> = {
  NL_STANDARD: category({
    code: "NL_STANDARD",
    countsForKor: true,
    countsForUnion: true,
    memberState: "NL",
    vatRate: "standard",
    needsCountry: false,
    ancillaryAllowed: false,
    label: { nl: "Binnenland, 21%", en: "Domestic, 21%" },
    explanation: {
      nl: "Levering of dienst in Nederland onder het algemene btw-tarief van 21%.",
      en: "Supply of goods or services in the Netherlands at the standard 21% VAT rate.",
    },
    countReason: {
      nl: "Binnenlandse omzet telt mee voor de KOR en voor de EU-omzet.",
      en: "Domestic turnover counts for the KOR and for the Union total.",
    },
  }),
  NL_REDUCED: category({
    code: "NL_REDUCED",
    countsForKor: true,
    countsForUnion: true,
    memberState: "NL",
    vatRate: "reduced",
    needsCountry: false,
    ancillaryAllowed: false,
    label: { nl: "Binnenland, 9%", en: "Domestic, 9%" },
    explanation: {
      nl: "Levering of dienst in Nederland onder het verlaagde btw-tarief van 9%, zoals boeken, eten of kappers.",
      en: "Supply in the Netherlands at the reduced 9% VAT rate, such as books, food or hairdressing.",
    },
    countReason: {
      nl: "Binnenlandse omzet telt mee voor de KOR en voor de EU-omzet.",
      en: "Domestic turnover counts for the KOR and for the Union total.",
    },
  }),
  NL_ZERO: category({
    code: "NL_ZERO",
    countsForKor: true,
    countsForUnion: true,
    memberState: "NL",
    vatRate: "zero",
    needsCountry: false,
    ancillaryAllowed: false,
    label: { nl: "Binnenland, 0%", en: "Domestic, 0%" },
    explanation: {
      nl: "Levering in Nederland onder het nultarief van 0%.",
      en: "Supply in the Netherlands at the 0% VAT rate.",
    },
    countReason: {
      nl: "Omzet tegen 0% is belaste omzet en telt mee voor de KOR en de EU-omzet.",
      en: "Zero-rated turnover is taxed turnover and counts for the KOR and the Union total.",
    },
  }),
  NL_REVERSE_CHARGE: category({
    code: "NL_REVERSE_CHARGE",
    countsForKor: true,
    countsForUnion: true,
    memberState: "NL",
    vatRate: null,
    needsCountry: false,
    ancillaryAllowed: false,
    label: { nl: "Binnenland, btw verlegd", en: "Domestic, VAT reverse-charged" },
    explanation: {
      nl: "Levering in Nederland waarbij de btw naar je Nederlandse afnemer is verlegd, bijvoorbeeld bij onderaanneming.",
      en: "Supply in the Netherlands where the VAT is shifted to your Dutch customer, e.g. subcontracting.",
    },
    countReason: {
      nl: "Verlegde binnenlandse omzet blijft je omzet en telt mee voor de KOR en de EU-omzet.",
      en: "Reverse-charged domestic turnover is still yours and counts for the KOR and the Union total.",
    },
  }),
  EXPORT_NON_EU: category({
    code: "EXPORT_NON_EU",
    countsForKor: true,
    countsForUnion: true,
    memberState: "NL",
    vatRate: "zero",
    needsCountry: false,
    ancillaryAllowed: false,
    label: { nl: "Export buiten de EU", en: "Export outside the EU" },
    explanation: {
      nl: "Uitvoer van goederen naar een land buiten de EU, tegen 0%.",
      en: "Export of goods to a country outside the EU, at 0%.",
    },
    countReason: {
      nl: "Export is in Nederland belaste omzet (0%) en telt mee voor de KOR en de EU-omzet.",
      en: "Exports are taxed in the Netherlands (at 0%) and count for the KOR and the Union total.",
    },
  }),
  EU_B2B_GOODS: category({
    code: "EU_B2B_GOODS",
    countsForKor: true,
    countsForUnion: true,
    memberState: "NL",
    vatRate: "zero",
    needsCountry: false,
    ancillaryAllowed: false,
    label: { nl: "Goederen aan EU-ondernemer", en: "Goods to an EU business" },
    explanation: {
      nl: "Intracommunautaire levering van goederen aan een ondernemer in een ander EU-land, tegen 0%.",
      en: "Intra-EU supply of goods to a business in another EU state, at 0%.",
    },
    countReason: {
      nl: "Een intracommunautaire levering is Nederlandse omzet (0%) en telt mee voor de KOR en de EU-omzet.",
      en: "An intra-EU supply of goods is Dutch turnover (at 0%) and counts for the KOR and the Union total.",
    },
  }),
  EU_B2C_NL_VAT: category({
    code: "EU_B2C_NL_VAT",
    countsForKor: true,
    countsForUnion: true,
    memberState: "NL",
    vatRate: null,
    needsCountry: false,
    ancillaryAllowed: false,
    label: { nl: "Afstandsverkoop EU, Nederlandse btw", en: "EU distance sale, Dutch VAT" },
    explanation: {
      nl: "Verkoop aan een consument in een ander EU-land, nog belast in Nederland zolang je onder de €10.000 per jaar blijft.",
      en: "Sale to a consumer in another EU state, still taxed in the Netherlands while you stay under €10,000 a year.",
    },
    countReason: {
      nl: "Afstandsverkopen onder de drempel zijn in Nederland belast en tellen mee voor de KOR en de EU-omzet.",
      en: "Distance sales under the threshold are taxed in the Netherlands and count for the KOR and the Union total.",
    },
  }),
  EU_B2C_FOREIGN_VAT: category({
    code: "EU_B2C_FOREIGN_VAT",
    countsForKor: false,
    countsForUnion: true,
    memberState: "country",
    vatRate: null,
    needsCountry: true,
    ancillaryAllowed: false,
    label: { nl: "Afstandsverkoop EU, buitenlandse btw (OSS)", en: "EU distance sale, foreign VAT (OSS)" },
    explanation: {
      nl: "Verkoop aan een consument in een ander EU-land, belast in dat land (via het éénloketsysteem). Kies het land.",
      en: "Sale to a consumer in another EU state, taxed in that state (through the One-Stop Shop). Choose the country.",
    },
    countReason: {
      nl: "In het buitenland belaste omzet telt niet voor de KOR, wel voor de EU-omzet van dat land.",
      en: "Turnover taxed abroad does not count for the KOR; it counts for the Union total in that state.",
    },
  }),
  EU_B2B_SERVICES: category({
    code: "EU_B2B_SERVICES",
    countsForKor: false,
    countsForUnion: true,
    memberState: "country",
    vatRate: null,
    needsCountry: true,
    ancillaryAllowed: false,
    label: { nl: "Dienst aan EU-ondernemer (verlegd)", en: "Service to an EU business (reverse-charged)" },
    explanation: {
      nl: "Dienst aan een ondernemer in een ander EU-land, waar de afnemer de btw verlegd aangeeft. Kies het land.",
      en: "Service to a business in another EU state, where the customer accounts for the VAT. Choose the country.",
    },
    countReason: {
      nl: "In het buitenland belaste dienst: telt niet voor de KOR, wel voor de EU-omzet (bij het land van de afnemer — interpretatie).",
      en: "Service taxed abroad: not for the KOR, but for the Union total (under the customer's state — interpretation).",
    },
    ruleId: "count.euB2bServicesState",
  }),
  EU_LOCAL: category({
    code: "EU_LOCAL",
    countsForKor: false,
    countsForUnion: true,
    memberState: "country",
    vatRate: null,
    needsCountry: true,
    ancillaryAllowed: false,
    label: { nl: "Lokaal belast in ander EU-land", en: "Taxed locally in another EU state" },
    explanation: {
      nl: "Levering die in een ander EU-land belast is, bijvoorbeeld verkoop op een markt daar. Kies het land.",
      en: "Supply taxed in another EU state, e.g. goods sold at a market there. Choose the country.",
    },
    countReason: {
      nl: "In het buitenland belaste omzet telt niet voor de KOR, wel voor de EU-omzet van dat land.",
      en: "Turnover taxed abroad does not count for the KOR; it counts for the Union total in that state.",
    },
  }),
  NON_EU_SERVICES: category({
    code: "NON_EU_SERVICES",
    countsForKor: false,
    countsForUnion: false,
    memberState: null,
    vatRate: null,
    needsCountry: false,
    ancillaryAllowed: false,
    label: { nl: "Dienst buiten de EU", en: "Service outside the EU" },
    explanation: {
      nl: "Dienst waarvan de plaats van dienst buiten de EU ligt, bijvoorbeeld aan een ondernemer in de VS.",
      en: "Service whose place of supply is outside the EU, e.g. to a business in the US.",
    },
    countReason: {
      nl: "Buiten de EU belaste diensten tellen niet voor de KOR en niet voor de EU-omzet (interpretatie).",
      en: "Services supplied outside the EU count neither for the KOR nor for the Union total (interpretation).",
    },
    ruleId: "count.nonEuServices",
  }),
  EXEMPT_REAL_ESTATE: category({
    code: "EXEMPT_REAL_ESTATE",
    countsForKor: true,
    countsForUnion: true,
    memberState: "NL",
    vatRate: null,
    needsCountry: false,
    ancillaryAllowed: true,
    label: { nl: "Vrijgesteld: vastgoed en verhuur", en: "Exempt: real estate and letting" },
    explanation: {
      nl: "Vrijgestelde levering of verhuur van onroerend goed, zoals woonruimte.",
      en: "Exempt supply or letting of immovable property, such as housing.",
    },
    countReason: {
      nl: "Vrijgestelde vastgoedomzet telt mee voor de KOR en de EU-omzet, tenzij het een bijkomende handeling is.",
      en: "Exempt real-estate turnover counts for the KOR and the Union total unless it is ancillary.",
    },
  }),
  EXEMPT_FINANCIAL: category({
    code: "EXEMPT_FINANCIAL",
    countsForKor: true,
    countsForUnion: true,
    memberState: "NL",
    vatRate: null,
    needsCountry: false,
    ancillaryAllowed: true,
    label: { nl: "Vrijgesteld: financiële diensten", en: "Exempt: financial services" },
    explanation: {
      nl: "Vrijgestelde financiële diensten, zoals betaalmiddelen, kredieten of effecten.",
      en: "Exempt financial services, such as payment instruments, credit or securities.",
    },
    countReason: {
      nl: "Vrijgestelde financiële omzet telt mee voor de KOR en de EU-omzet, tenzij het een bijkomende handeling is.",
      en: "Exempt financial turnover counts for the KOR and the Union total unless it is ancillary.",
    },
  }),
  EXEMPT_INSURANCE: category({
    code: "EXEMPT_INSURANCE",
    countsForKor: true,
    countsForUnion: true,
    memberState: "NL",
    vatRate: null,
    needsCountry: false,
    ancillaryAllowed: true,
    label: { nl: "Vrijgesteld: verzekeringen", en: "Exempt: insurance" },
    explanation: {
      nl: "Vrijgestelde verzekeringen en herverzekeringen, ook als tussenpersoon.",
      en: "Exempt insurance and reinsurance, also as an intermediary.",
    },
    countReason: {
      nl: "Vrijgestelde verzekeringsomzet telt mee voor de KOR en de EU-omzet, tenzij het een bijkomende handeling is.",
      en: "Exempt insurance turnover counts for the KOR and the Union total unless it is ancillary.",
    },
  }),
  EXEMPT_OTHER: category({
    code: "EXEMPT_OTHER",
    countsForKor: false,
    countsForUnion: false,
    memberState: null,
    vatRate: null,
    needsCountry: false,
    ancillaryAllowed: false,
    label: { nl: "Vrijgesteld: zorg, onderwijs, sport, schrijvers", en: "Exempt: healthcare, education, sport, writers" },
    explanation: {
      nl: "Andere vrijgestelde prestaties, zoals zorg, onderwijs, sport of werk van schrijvers en journalisten.",
      en: "Other exempt supplies, such as healthcare, education, sport or work of writers and journalists.",
    },
    countReason: {
      nl: "Deze vrijgestelde omzet telt niet mee voor de KOR en niet voor de EU-omzet.",
      en: "This exempt turnover counts neither for the KOR nor for the Union total.",
    },
  }),
  PRIVATE_USE: category({
    code: "PRIVATE_USE",
    countsForKor: false,
    countsForUnion: false,
    memberState: null,
    vatRate: null,
    needsCountry: false,
    ancillaryAllowed: false,
    label: { nl: "Privégebruik", en: "Private use" },
    explanation: {
      nl: "Privégebruik van zakelijke goederen of diensten (een fictieve levering).",
      en: "Private use of business goods or services (a deemed supply).",
    },
    countReason: {
      nl: "Privégebruik is geen omzet voor de KOR of de EU-omzet.",
      en: "Private use is not turnover for the KOR or the Union total.",
    },
  }),
  ASSET_SALE: category({
    code: "ASSET_SALE",
    countsForKor: false,
    countsForUnion: false,
    memberState: null,
    vatRate: null,
    needsCountry: false,
    ancillaryAllowed: false,
    label: { nl: "Verkoop bedrijfsmiddel", en: "Sale of a business asset" },
    explanation: {
      nl: "Verkoop van iets dat je in je bedrijf gebruikte, zoals je bedrijfsauto of laptop.",
      en: "Sale of something you used in your business, such as your company van or laptop.",
    },
    countReason: {
      nl: "De verkoop van een gebruikt bedrijfsmiddel telt niet mee voor de KOR of de EU-omzet.",
      en: "Selling a used business asset counts neither for the KOR nor for the Union total.",
    },
  }),
};

/** In the order of §2, for the category picker. */
export const CATEGORY_LIST: readonly CategoryInfo[] = CATEGORY_CODES.map((code) => CATEGORIES[code]);

export function isCategory(value: unknown): value is Category {
  return typeof value === "string" && Object.hasOwn(CATEGORIES, value);
}

/** The Dutch VAT rate (21/9/0) of a category in a year, from the rule table; null when none applies. */
export function categoryVatRatePercent(code: Category, year: number): number | null {
  const kind = CATEGORIES[code].vatRate;
  return kind === null ? null : rulesFor(year).vatRatesPercent[kind];
}

export type Classification = RuleRef & {
  countsForKor: boolean;
  countsForUnion: boolean;
  /** The member state whose total it adds to; null when it counts nowhere. */
  memberState: string | null;
  reason: Bilingual;
};

const ANCILLARY_REASON: Bilingual = {
  nl: "Gemarkeerd als bijkomende handeling: telt niet mee voor de KOR en de EU-omzet (interpretatie van art. 288 btw-richtlijn — check bij je adviseur).",
  en: "Marked as ancillary: counts neither for the KOR nor for the Union total (interpretation of art. 288 of the VAT Directive — check with your adviser).",
};

/**
 * Whether one transaction counts for the KOR and the Union total, for which member
 * state, and why. The engine's fast path uses the same table and the same ancillary
 * rule; a unit test keeps the two in step.
 */
export function classifyTransaction(tx: Pick<Transaction, "category" | "country" | "ancillary" | "date">): Classification {
  const info = CATEGORIES[tx.category];
  const rules = rulesFor(yearOf(tx.date));
  if (info.ancillaryAllowed && tx.ancillary === true && rules.ancillaryExemptExcluded) {
    return withRule("count.ancillary", { countsForKor: false, countsForUnion: false, memberState: null, reason: ANCILLARY_REASON });
  }
  const memberState = memberStateOf(info, tx.country);
  return withRule(info.ruleId, {
    countsForKor: info.countsForKor,
    countsForUnion: info.countsForUnion,
    memberState: info.countsForUnion ? memberState : null,
    reason: info.countReason,
  });
}

function memberStateOf(info: CategoryInfo, country: string | undefined): string | null {
  if (info.memberState === "NL") return "NL";
  if (info.memberState === "country") return country ?? null;
  return null;
}
