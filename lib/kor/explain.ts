// "Why?" for every counted total: per year, which transactions counted for the KOR, the
// Union total and each member state, which did not, and the rule (§ of docs/domain/KOR-RULES.md)
// that decided. Built only on request (evaluate's `explain` option): it allocates one
// record per transaction and measure, which the default evaluation avoids.

import { classifyTransaction } from "./categories";
import { txAt, type Ledger } from "./ledger";
import { withRule } from "./rules";
import type { Classification } from "./categories";
import type { ExplainedTotal, ExplainedTransaction, Explanations, Transaction, YearExplanation } from "./types";

function emptyTotal(ruleId: "kor.limit" | "union.limit" | "memberState.thresholds"): ExplainedTotal {
  return withRule(ruleId, { totalCents: 0, counted: [] as ExplainedTransaction[], notCounted: [] as ExplainedTransaction[] });
}

function entry(tx: Transaction, c: Classification, counted: boolean, runningTotalCents?: number): ExplainedTransaction {
  const e: ExplainedTransaction = {
    ruleId: c.ruleId,
    rule: c.rule,
    interpretation: c.interpretation,
    transactionId: tx.id,
    date: tx.date,
    category: tx.category,
    netCents: tx.netCents,
    counted,
    reason: c.reason,
  };
  if (runningTotalCents !== undefined) e.runningTotalCents = runningTotalCents;
  return e;
}

export function buildExplanations(ledger: Ledger): Explanations {
  const years: Record<string, YearExplanation> = {};
  for (let pos = 0; pos < ledger.order.length; pos++) {
    const tx = txAt(ledger, pos);
    const year = tx.date.slice(0, 4);
    let y = years[year];
    if (!y) {
      y = { kor: emptyTotal("kor.limit"), union: emptyTotal("union.limit"), memberStates: {} };
      years[year] = y;
    }
    const c = classifyTransaction(tx);
    if (c.countsForKor) {
      y.kor.totalCents += tx.netCents;
      y.kor.counted.push(entry(tx, c, true, y.kor.totalCents));
    } else {
      y.kor.notCounted.push(entry(tx, c, false));
    }
    if (c.countsForUnion) {
      y.union.totalCents += tx.netCents;
      y.union.counted.push(entry(tx, c, true, y.union.totalCents));
      if (c.memberState !== null) {
        const ms = (y.memberStates[c.memberState] ??= emptyTotal("memberState.thresholds"));
        ms.totalCents += tx.netCents;
        ms.counted.push(entry(tx, c, true, ms.totalCents));
      }
    } else {
      y.union.notCounted.push(entry(tx, c, false));
    }
  }
  return { years };
}
