// Member-state thresholds in the database: the migration's seed equals the data file's rows,
// an operator's change converts a national amount with the ECB rate of the year's first
// publication day and writes an audit entry, a refused change writes nothing, the web's
// role reads but cannot write, and the engine's input carries the stored year's values.
// Uses years no other test uses (2091–2093) and removes their rows afterwards (the audit
// log is append-only: its entries stay).
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { runAsSystem, runAsUser } from "@/lib/platform/db/db-context";
import { seedRows, makeRuleLookup } from "@/lib/kor";
import { loadEngineInput } from "@/lib/features/books/load-engine-input";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { loadThresholdRows } from "./load-member-state-thresholds";
import { setMemberStateThreshold } from "./set-member-state-threshold";

const YEARS = [2091, 2092, 2093];

afterAll(async () => {
  await runAsSystem(() => db().memberStateThreshold.deleteMany({ where: { year: { in: YEARS } } }));
});

describe("stored member-state thresholds", () => {
  it("are seeded by the migration from the data file, for 2025 and 2026", async () => {
    const stored = (await loadThresholdRows()).filter((row) => row.year === 2025 || row.year === 2026);
    const key = (r: { year: number; state: string }) => `${r.year}-${r.state}`;
    expect(stored.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(seedRows().sort((a, b) => key(a).localeCompare(key(b))));
  });

  it("converts a national amount with the year's ECB rate, stores it with an audit entry, and feeds the engine", async () => {
    const { after } = await runAsSystem(() =>
      setMemberStateThreshold({
        year: "2091",
        state: "CZ",
        currency: "CZK",
        localAmount: "2000000",
        rate: "25.000",
        rateDate: "2091-01-02",
        by: "Operator Olga",
      }),
    );
    expect(after).toMatchObject({
      thresholdCents: 8_000_000,
      ecbRate: "25",
      ecbRateDate: "2091-01-02",
      approximate: false,
      localCurrency: "CZK",
      localAmount: 2_000_000,
    });
    const [row] = await loadThresholdRows({ year: 2091 });
    expect(row).toMatchObject({ state: "CZ", thresholdCents: 8_000_000, ecbRateDate: "2091-01-02" });
    const audit = await runAsSystem(() =>
      db().auditLog.findFirstOrThrow({ where: { entityType: "MemberStateThreshold", entityId: "2091-CZ" } }),
    );
    expect(audit).toMatchObject({ action: "memberStateThreshold.set", before: null, businessId: null });
    expect(audit.after).toMatchObject({ thresholdCents: 8_000_000, by: "Operator Olga" });

    // A new rate for the same year keeps the national amount and converts again.
    const again = await runAsSystem(() =>
      setMemberStateThreshold({ year: "2091", state: "CZ", rate: "24.5", rateDate: "2091-01-02", by: "Operator Olga" }),
    );
    expect(again.before).toMatchObject({ thresholdCents: 8_000_000 });
    expect(again.after).toMatchObject({ localAmount: 2_000_000, thresholdCents: 8_163_265 });

    // The owner's engine input carries it, under the owner's row-level security.
    const owner = await createUser("thresholds-owner");
    const business = await createOwnedBusiness(owner.id, "Drempel Tsjechië");
    const engineInput = await runAsUser(owner.id, () => loadEngineInput({ businessId: business.id, asOf: "2026-06-30" }));
    expect(engineInput.rules?.memberStateThresholdsByYear?.["2091"]?.CZ).toEqual({
      thresholdCents: 8_163_265,
      local: { currency: "CZK", amount: 2_000_000 },
    });
    expect(makeRuleLookup(engineInput.rules)(2095).memberStateThresholds.CZ).toMatchObject({ thresholdCents: 8_163_265 });
  });

  it("refuses a rate of another day, a typed euro figure for a national currency and a missing name, naming the field; nothing is written", async () => {
    const attempt = (input: Parameters<typeof setMemberStateThreshold>[0]) => runAsSystem(() => setMemberStateThreshold(input));
    await expect(
      attempt({ year: "2092", state: "HU", currency: "HUF", localAmount: "18000000", rate: "410.5", rateDate: "2092-01-05", by: "Olga" }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { rateDate: "thresholds.rateDate" },
    });
    await expect(attempt({ year: "2092", state: "HU", currency: "HUF", thresholdEur: "46000", by: "Olga" })).rejects.toMatchObject({
      fields: { thresholdEur: "thresholds.convertedNotTyped" },
    });
    await expect(attempt({ year: "2092", state: "XX", thresholdEur: "46000", by: "" })).rejects.toMatchObject({
      fields: { state: "thresholds.state", by: "thresholds.by" },
    });
    // One refusal names every wrong field, the rate's day among them.
    await expect(
      attempt({ year: "2092", state: "HU", localAmount: "18000000", rate: "410.5", rateDate: "2092-01-05", by: "" }),
    ).rejects.toMatchObject({
      fields: { rateDate: "thresholds.rateDate", by: "thresholds.by" },
    });
    await expect(attempt({ year: "2092", state: "DE", thresholdEur: "25000", rate: "1", by: "Olga" })).rejects.toMatchObject({
      fields: { rate: "thresholds.euroState" },
    });
    expect(await loadThresholdRows({ year: 2092 })).toEqual([]);
    expect(
      await runAsSystem(() => db().auditLog.count({ where: { entityType: "MemberStateThreshold", entityId: { startsWith: "2092-" } } })),
    ).toBe(0);
  });

  it("stores a euro threshold and a state without exemption", async () => {
    const euro = await runAsSystem(() =>
      setMemberStateThreshold({ year: "2093", state: "DE", thresholdEur: "25000", ceilingEur: "100000.00", by: "Olga" }),
    );
    expect(euro.after).toMatchObject({
      thresholdCents: 2_500_000,
      currentYearCeilingCents: 10_000_000,
      localCurrency: null,
      approximate: false,
    });
    const none = await runAsSystem(() => setMemberStateThreshold({ year: "2093", state: "DE", unavailable: true, by: "Olga" }));
    expect(none.after).toMatchObject({ available: false, thresholdCents: null });
  });

  it("is read by a user but written only in system mode", async () => {
    const user = await createUser("thresholds-reader");
    expect((await runAsUser(user.id, () => loadThresholdRows({ year: 2026 }))).length).toBe(27);
    await expect(
      runAsUser(user.id, () => setMemberStateThreshold({ year: "2093", state: "BE", thresholdEur: "1", by: "Mallory" })),
    ).rejects.toThrow();
    expect(await loadThresholdRows({ year: 2093 })).not.toContainEqual(expect.objectContaining({ state: "BE" }));
  });
});
