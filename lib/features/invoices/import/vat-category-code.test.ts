import { describe, expect, it } from "vitest";
import { categoryFromVatCode, type VatCodeFacts } from "@/lib/features/invoices/import/vat-category-code";
import { CATEGORIES } from "@/lib/kor";

const facts = (over: Partial<VatCodeFacts>): VatCodeFacts => ({
  code: "S",
  percent: "21",
  country: "NL",
  deliveryCountry: "",
  type: "business",
  exemptionReason: "",
  year: 2026,
  fallback: "NL_STANDARD",
  ...over,
});
const category = (over: Partial<VatCodeFacts>) => {
  const outcome = categoryFromVatCode(facts(over));
  return "category" in outcome ? outcome.category : `review ${outcome.review}`;
};

describe("categoryFromVatCode (UNCL 5305 with country and customer type, KOR-RULES §2)", () => {
  it("reads S at the Dutch rates as domestic, and Dutch VAT to an EU consumer as a distance sale taxed in NL", () => {
    expect(category({ percent: "21.00" })).toBe("NL_STANDARD");
    expect(category({ percent: "9" })).toBe("NL_REDUCED");
    expect(category({ percent: "21", country: "" })).toBe("NL_STANDARD");
    expect(category({ percent: "21", country: "BE", type: "consumer" })).toBe("EU_B2C_NL_VAT");
  });

  it("sends S at another state's rate, or Dutch VAT to a foreign business, to review", () => {
    expect(category({ percent: "20", country: "FR", type: "consumer" })).toBe("review FR|consumer|S 20%");
    expect(category({ percent: "21", country: "DE", type: "business" })).toBe("review DE|business|S 21%");
    expect(category({ percent: "21", country: "US", type: undefined })).toBe("review US|?|S 21%");
  });

  it("reads Z only at home, AE at home as domestic reverse charge and to an EU business as a service taxed there (not counted)", () => {
    expect(category({ code: "Z", percent: "0" })).toBe("NL_ZERO");
    expect(category({ code: "Z", percent: "0", country: "BE" })).toBe("review BE|business|Z");
    expect(category({ code: "AE", percent: "0" })).toBe("NL_REVERSE_CHARGE");
    expect(category({ code: "ae", percent: "0", country: "BE" })).toBe("EU_B2B_SERVICES");
    expect(CATEGORIES.EU_B2B_SERVICES.countsForKor).toBe(false);
    expect(category({ code: "AE", percent: "0", country: "BE", type: undefined })).toBe("review BE|?|AE");
    expect(category({ code: "AE", percent: "0", country: "US" })).toBe("review US|business|AE");
  });

  it("reads K as intra-EU goods (counted) only to an EU business with the goods delivered in another member state", () => {
    expect(category({ code: "K", percent: "0", country: "DE", deliveryCountry: "DE" })).toBe("EU_B2B_GOODS");
    expect(CATEGORIES.EU_B2B_GOODS.countsForKor).toBe(true);
    expect(category({ code: "K", percent: "0", country: "DE", deliveryCountry: "" })).toBe("review DE|business|K");
    expect(category({ code: "K", percent: "0", country: "DE", deliveryCountry: "NL" })).toBe("review DE|business|K");
    expect(category({ code: "K", percent: "0", country: "DE", type: "consumer", deliveryCountry: "DE" })).toBe("review DE|consumer|K");
    expect(category({ code: "K", percent: "0", country: "NL", deliveryCountry: "BE" })).toBe("review NL|business|K");
  });

  it("reads G as an export when the goods leave the EU, and O as a service outside the EU only to a business there", () => {
    expect(category({ code: "G", percent: "0", country: "US" })).toBe("EXPORT_NON_EU");
    expect(category({ code: "G", percent: "0", country: "NL", deliveryCountry: "NO" })).toBe("EXPORT_NON_EU");
    expect(category({ code: "G", percent: "0", country: "BE" })).toBe("review BE|business|G");
    expect(category({ code: "O", percent: "0", country: "CH" })).toBe("NON_EU_SERVICES");
    expect(category({ code: "O", percent: "0", country: "CH", type: undefined })).toBe("review CH|?|O");
    expect(category({ code: "O", percent: "0", country: "NL" })).toBe("review NL|business|O");
  });

  it("reads E under art. 132 as exempt and not counted, the KOR's own exemption as domestic turnover, and any other E as review", () => {
    expect(category({ code: "E", percent: "0", exemptionReason: "VATEX-EU-132-1C" })).toBe("EXEMPT_OTHER");
    expect(category({ code: "E", percent: "0", exemptionReason: "vatex-eu-132" })).toBe("EXEMPT_OTHER");
    expect(
      category({ code: "E", percent: "0", exemptionReason: "Vrijgesteld van btw op grond van de kleineondernemersregeling (KOR)" }),
    ).toBe("NL_STANDARD");
    expect(category({ code: "E", percent: "0", exemptionReason: "KOR, art. 25 Wet OB", fallback: "NL_REDUCED" })).toBe("NL_REDUCED");
    expect(category({ code: "E", percent: "0", exemptionReason: "KOR", country: "BE" })).toBe("review BE|business|E");
    expect(category({ code: "E", percent: "0", exemptionReason: "Vrijgesteld" })).toBe("review NL|business|E");
    expect(category({ code: "E", percent: "0", exemptionReason: "Korting" })).toBe("review NL|business|E");
  });

  it("sends L, M and unknown codes to review, with a group key short enough to be chosen per group", () => {
    expect(category({ code: "L", percent: "7", country: "ES" })).toBe("review ES|business|L");
    expect(category({ code: "VERYLONGCODE-123456", country: "NL" })).toBe("review NL|business|VERYLONG");
  });
});
