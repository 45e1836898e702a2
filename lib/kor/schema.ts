// The zod schema of EngineInput (docs/domain/ENGINE-CONTRACT.md) and the parser every boundary uses
// (web app, alert job, command line). It returns every problem at once, each naming its
// field as `transactions[3].date`, so a user or an integrator can fix a file in one go.

import { z } from "zod";
import { CATEGORIES, isCategory } from "./categories";
import { isIsoDate } from "./dates";
import { stateThresholdSchema } from "./member-state-thresholds";
import { EU_MEMBER_STATES, isEuMemberState } from "./rules";
import { CATEGORY_CODES, type EngineInput } from "./types";

export type InputIssue = { path: string; message: string };

export type ParseResult = { ok: true; input: EngineInput } | { ok: false; issues: InputIssue[] };

const isoDate = z.string({ error: "expected YYYY-MM-DD" }).superRefine((value, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    ctx.addIssue({ code: "custom", message: `expected YYYY-MM-DD, got ${JSON.stringify(value)}` });
  } else if (!isIsoDate(value)) {
    ctx.addIssue({ code: "custom", message: `expected YYYY-MM-DD: ${value} is not a calendar date` });
  }
});

const cents = z.number({ error: "expected an integer number of cents" }).int({ error: "expected an integer number of cents" });

const countryCode = z.string({ error: "expected a country code" }).regex(/^[A-Z]{2}$/, {
  error: "expected an ISO 3166 alpha-2 country code such as NL",
});

const euStateCode = z.string({ error: "expected an EU member state code" }).refine(isEuMemberState, {
  error: (issue) => `expected an EU member state code (${EU_MEMBER_STATES.join(", ")}), got ${JSON.stringify(issue.input)}`,
});

const category = z.enum(CATEGORY_CODES, {
  error: (issue) => `unknown category ${JSON.stringify(issue.input)}; expected one of ${CATEGORY_CODES.join(", ")}`,
});

const transactionSchema = z
  .object({
    id: z.string({ error: "expected a transaction id (string)" }).min(1, { error: "expected a non-empty id" }),
    date: isoDate,
    netCents: cents,
    vatCents: cents.optional(),
    category,
    country: z.string({ error: "expected a country code" }).optional(),
    ancillary: z.boolean({ error: "expected true or false" }).optional(),
    sequence: z.number({ error: "expected a number" }).finite({ error: "expected a finite number" }).optional(),
  })
  .superRefine((tx, ctx) => {
    if (!isCategory(tx.category)) return;
    const info = CATEGORIES[tx.category];
    if (!info.needsCountry) return;
    if (tx.country === undefined || tx.country === "") {
      ctx.addIssue({ code: "custom", path: ["country"], message: `required for category ${tx.category}` });
    } else if (!isEuMemberState(tx.country)) {
      ctx.addIssue({
        code: "custom",
        path: ["country"],
        message: `expected an EU member state code for category ${tx.category}, got ${JSON.stringify(tx.country)}`,
      });
    }
  });

const participationSchema = z.object({ from: isoDate, to: isoDate.optional() }).superRefine((p, ctx) => {
  if (p.to !== undefined && isIsoDate(p.from) && isIsoDate(p.to) && p.to < p.from) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `the last day inside (${p.to}) is before from (${p.from})` });
  }
});

const businessSchema = z.object(
  {
    establishedIn: countryCode,
    fixedEstablishmentOnly: z.boolean({ error: "expected true or false" }).optional(),
    startedOn: isoDate.optional(),
    filingPeriod: z.enum(["quarter", "month"], { error: 'expected "quarter" or "month"' }).optional(),
    korParticipations: z
      .array(participationSchema, { error: "expected a list of { from, to? }" })
      .superRefine((periods, ctx) => {
        const sorted = periods
          .map((p, index) => ({ ...p, index }))
          .filter((p) => isIsoDate(p.from) && (p.to === undefined || isIsoDate(p.to)))
          .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
        for (let i = 1; i < sorted.length; i++) {
          const prev = sorted[i - 1]!;
          const cur = sorted[i]!;
          if (prev.to === undefined || prev.to >= cur.from) {
            ctx.addIssue({
              code: "custom",
              path: [cur.index, "from"],
              message: `overlaps korParticipations[${prev.index}]`,
            });
          }
        }
      })
      .optional(),
    euKor: z
      .object({
        exNumber: z.string({ error: "expected a string" }).optional(),
        from: isoDate.optional(),
        memberStates: z.array(euStateCode, { error: "expected a list of EU member state codes" }),
      })
      .optional(),
  },
  { error: "expected an object" },
);

const quarterLabel = z.string({ error: "expected a quarter like 2026-Q1" }).regex(/^\d{4}-Q[1-4]$/, {
  error: (issue) => `expected a quarter like 2026-Q1, got ${JSON.stringify(issue.input)}`,
});

const queryId = z.string({ error: "expected a query id (string)" }).min(1, { error: "expected a non-empty id" });
const share = z.number({ error: "expected a share between 0 and 1" }).min(0, { error: "expected a share between 0 and 1" }).max(1, {
  error: "expected a share between 0 and 1",
});
const year = z.number({ error: "expected a year" }).int({ error: "expected a whole year" }).min(1900).max(2999);

const querySchema = z.discriminatedUnion(
  "type",
  [
    z.object({ id: queryId, type: z.literal("applyBy"), start: isoDate }),
    z.object({ id: queryId, type: z.literal("korEffectiveDate"), receivedOn: isoDate }),
    z.object({ id: queryId, type: z.literal("earliestRejoin"), leftOn: isoDate }),
    z.object({ id: queryId, type: z.literal("euKorNotifyBy"), crossedOn: isoDate }),
    z.object({ id: queryId, type: z.literal("euKorReportDue"), quarter: quarterLabel }),
    z.object({ id: queryId, type: z.literal("vatReturnDue"), quarter: quarterLabel }),
    z.object({
      id: queryId,
      type: z.literal("revision"),
      vatCents: cents,
      firstUseYear: year,
      kind: z.enum(["movable", "immovable"], { error: 'expected "movable" or "immovable"' }),
      event: z.enum(["join", "leave"], { error: 'expected "join" or "leave"' }),
      eventYear: year,
      deductibleBefore: share,
      deductibleAfter: share,
    }),
  ],
  {
    error: (issue) =>
      `unknown query type ${JSON.stringify((issue.input as { type?: unknown } | undefined)?.type)}; expected applyBy, korEffectiveDate, earliestRejoin, euKorNotifyBy, euKorReportDue, vatReturnDue or revision`,
  },
);

export const engineInputSchema = z
  .object(
    {
      asOf: isoDate,
      business: businessSchema,
      transactions: z.array(transactionSchema, { error: "expected a list of transactions" }),
      rules: z
        .object({
          memberStateThresholdsCents: z
            .record(countryCode, z.union([cents.nonnegative({ error: "expected cents ≥ 0" }), z.null()]), {
              error: "expected an object of state code to cents",
            })
            .optional(),
          memberStateThresholdsByYear: z
            .record(z.string().regex(/^\d{4}$/, { error: "expected a year" }), z.record(countryCode, stateThresholdSchema), {
              error: "expected an object of year to an object of state code to threshold",
            })
            .optional(),
        })
        .optional(),
      queries: z.array(querySchema, { error: "expected a list of queries" }).optional(),
    },
    { error: "expected an EngineInput object" },
  )
  .superRefine((input, ctx) => {
    // Ids name transactions in crossings, alerts and remediation: two with one id would be ambiguous.
    const seen = new Map<string, number>();
    input.transactions.forEach((tx, index) => {
      const first = seen.get(tx.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["transactions", index, "id"],
          message: `duplicate id ${JSON.stringify(tx.id)} (also transactions[${first}])`,
        });
      } else {
        seen.set(tx.id, index);
      }
    });
    const queryIds = new Set<string>();
    (input.queries ?? []).forEach((q, index) => {
      if (queryIds.has(q.id)) {
        ctx.addIssue({ code: "custom", path: ["queries", index, "id"], message: `duplicate query id ${JSON.stringify(q.id)}` });
      }
      queryIds.add(q.id);
    });
  });

/** `transactions[3].date` from zod's ["transactions", 3, "date"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "input" : out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

// zod reports a missing field as a wrong type; say "required" so the fix is obvious.
function issueMessage(root: unknown, issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && valueAt(root, issue.path) === undefined) return `required: ${issue.message}`;
  return issue.message;
}

export function parseEngineInput(value: unknown): ParseResult {
  const result = engineInputSchema.safeParse(value);
  if (result.success) return { ok: true, input: result.data as EngineInput };
  const issues = result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issueMessage(value, issue) }));
  return { ok: false, issues };
}

/**
 * Parses the text of a file or of standard input: an EngineInput, or a test vector
 * (an object with an "input" and no "asOf") whose input is used. Malformed JSON is
 * reported as an issue of the path "input".
 */
export function parseEngineInputJson(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: "input", message: `malformed JSON: ${detail}` }] };
  }
  if (isVector(value)) return parseEngineInput(value.input);
  return parseEngineInput(value);
}

function isVector(value: unknown): value is { input: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "input" in value && !("asOf" in value);
}

export function formatIssues(issues: readonly InputIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join("\n");
}
