import { describe, expect, it } from "vitest";
import { createLineIdentities, lineIdentityHash, type LineIdentityFields } from "@/lib/features/bank/line-identity";

const coffee: LineIdentityFields = {
  account: "NL91ABNA0417164300",
  bookingDate: "2026-12-30",
  amountCents: -450,
  counterparty: null,
  description: "Koffiebar Het Hoekje",
};

describe("line identity", () => {
  it("is the same for the same line read twice, and ignores case and spacing", () => {
    expect(lineIdentityHash(coffee, 0)).toBe(lineIdentityHash({ ...coffee, description: "  koffiebar  het hoekje" }, 0));
    expect(lineIdentityHash(coffee, 0)).toMatch(/^h:[0-9a-f]{32}$/);
  });

  it("changes with every field that makes a payment different", () => {
    const base = lineIdentityHash(coffee, 0);
    expect(lineIdentityHash({ ...coffee, account: "NL20INGB0001234567" }, 0)).not.toBe(base);
    expect(lineIdentityHash({ ...coffee, bookingDate: "2026-12-31" }, 0)).not.toBe(base);
    expect(lineIdentityHash({ ...coffee, amountCents: 450 }, 0)).not.toBe(base);
    expect(lineIdentityHash({ ...coffee, counterparty: "NL44RABO0123456789" }, 0)).not.toBe(base);
    expect(lineIdentityHash({ ...coffee, description: "Koffiebar De Hoek" }, 0)).not.toBe(base);
    expect(lineIdentityHash(coffee, 1)).not.toBe(base);
  });

  it("gives two identical lines in one file two ids, the same two every time", () => {
    const first = createLineIdentities();
    const ids = [first.hash(coffee), first.hash(coffee)];
    const again = createLineIdentities();
    expect(ids[0]).not.toBe(ids[1]);
    expect([again.hash(coffee), again.hash(coffee)]).toEqual(ids);
    expect(ids[0]).toBe(lineIdentityHash(coffee, 0));
  });

  it("uses the bank's reference with the account, date and amount, and keeps a repeated reference apart", () => {
    const identities = createLineIdentities();
    const id = "r:NL20INGB0001234567:2026-12-31:121000:26365012345678";
    expect(identities.reference("NL20INGB0001234567", "26365012345678", "2026-12-31", 121000)).toBe(id);
    expect(identities.reference("NL20INGB0001234567", "26365012345678", "2026-12-31", 121000)).toBe(`${id}#2`);
    // The same number on another day or for another amount is another booking.
    expect(identities.reference("NL20INGB0001234567", "26365012345678", "2027-01-02", 121000)).not.toBe(id);
    expect(identities.reference("NL20INGB0001234567", "26365012345678", "2026-12-31", 5000)).not.toBe(id);
    expect(createLineIdentities().reference("NL44RABO0123456789", "26365012345678", "2026-12-31", 121000)).not.toBe(id);
  });
});
