// npm run thresholds:set -- --year 2026 --state CZ --rate 25.190 --rate-date 2026-01-02 --by "J. Jansen"
// Changes one member state's threshold for one year (lib/features/eu-kor/set-member-state-threshold.ts):
//   national currency: [--currency CZK] [--local-amount 2000000] [--local-ceiling N] --rate R --rate-date D
//     (the ECB rate of the first ECB publication day of the year; the euro figure is computed)
//   euro:              --threshold-eur 25000 [--ceiling-eur 100000]
//   no exemption:      --unavailable
//   always:            --by "who" [--note "…"]
// Runs in system mode (the worker's role, WORKER_DATABASE_URL on PostgreSQL) and writes an
// audit entry. Exit 1 with the fields named when the change is refused; nothing is stored then.
import { parseArgs } from "node:util";
import { disconnectDb } from "@/lib/platform/db/client";
import { runAsSystem } from "@/lib/platform/db/db-context";
import { AppError } from "@/lib/platform/errors";
import { setMemberStateThreshold } from "@/lib/features/eu-kor/set-member-state-threshold";

const { values } = parseArgs({
  options: {
    year: { type: "string" },
    state: { type: "string" },
    by: { type: "string" },
    unavailable: { type: "boolean" },
    "threshold-eur": { type: "string" },
    "ceiling-eur": { type: "string" },
    currency: { type: "string" },
    "local-amount": { type: "string" },
    "local-ceiling": { type: "string" },
    rate: { type: "string" },
    "rate-date": { type: "string" },
    note: { type: "string" },
  },
  strict: true,
});

const MESSAGES: Record<string, string> = {
  "thresholds.year": "a year from 2020 to 2100",
  "thresholds.state": "an EU member state code (AT … SE; Greece is GR)",
  "thresholds.by": "your name, for the audit log",
  "thresholds.euro": "euro as 25000 or 25000.00",
  "thresholds.wholeUnits": "whole units of the national currency",
  "thresholds.currency": "a three-letter currency code other than EUR",
  "thresholds.rate": "the ECB rate: units of the currency per euro, at most 6 decimals",
  "thresholds.rateDate": "the first ECB publication day of the year",
  "thresholds.required": "required",
  "thresholds.notWithUnavailable": "not with --unavailable",
  "thresholds.euroState": "not for a euro threshold",
  "thresholds.convertedNotTyped": "a national-currency threshold is converted from --local-amount with --rate, not typed in euro",
  "thresholds.note": "at most 500 characters",
};

try {
  const { before, after } = await runAsSystem(() =>
    setMemberStateThreshold({
      year: values.year ?? "",
      state: values.state ?? "",
      by: values.by ?? "",
      ...(values.unavailable ? { unavailable: true } : {}),
      ...(values["threshold-eur"] !== undefined ? { thresholdEur: values["threshold-eur"] } : {}),
      ...(values["ceiling-eur"] !== undefined ? { ceilingEur: values["ceiling-eur"] } : {}),
      ...(values.currency !== undefined ? { currency: values.currency } : {}),
      ...(values["local-amount"] !== undefined ? { localAmount: values["local-amount"] } : {}),
      ...(values["local-ceiling"] !== undefined ? { localCeiling: values["local-ceiling"] } : {}),
      ...(values.rate !== undefined ? { rate: values.rate } : {}),
      ...(values["rate-date"] !== undefined ? { rateDate: values["rate-date"] } : {}),
      ...(values.note !== undefined ? { note: values.note } : {}),
    }),
  );
  console.log(JSON.stringify({ before, after }, null, 2));
} catch (error) {
  if (error instanceof AppError && error.fields) {
    for (const [field, key] of Object.entries(error.fields)) console.error(`${field}: ${MESSAGES[key] ?? key}`);
    if (error.fields.rateDate && values.year && /^\d{4}$/.test(values.year)) {
      const { ecbRateDateFor } = await import("@/lib/kor");
      console.error(`(for ${values.year}: ${ecbRateDateFor(Number(values.year))})`);
    }
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
}
await disconnectDb();
