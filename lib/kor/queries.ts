// Answers to the contract's queries (docs/domain/ENGINE-CONTRACT.md "Query"): one date, one list of
// revision amounts, or null when a query cannot be answered (e.g. a malformed quarter).

import { applyByDate, earliestRejoinDate, euKorNotifyByDate, euKorReportDueDate, korEffectiveDate, vatReturnDueDate } from "./deadlines";
import { revisionAmounts } from "./revision";
import type { Business, Query, QueryAnswer } from "./types";

export function answerQuery(query: Query, business: Business): QueryAnswer {
  switch (query.type) {
    case "applyBy":
      return applyByDate(query.start);
    case "korEffectiveDate":
      return korEffectiveDate(query.receivedOn, business.filingPeriod ?? "quarter");
    case "earliestRejoin":
      return earliestRejoinDate(query.leftOn);
    case "euKorNotifyBy":
      return euKorNotifyByDate(query.crossedOn);
    case "euKorReportDue":
      return euKorReportDueDate(query.quarter);
    case "vatReturnDue":
      return vatReturnDueDate(query.quarter);
    case "revision":
      return revisionAmounts(query);
  }
}

export function answerQueries(queries: readonly Query[] | undefined, business: Business): Record<string, QueryAnswer> {
  const answers: Record<string, QueryAnswer> = {};
  for (const query of queries ?? []) answers[query.id] = answerQuery(query, business);
  return answers;
}
