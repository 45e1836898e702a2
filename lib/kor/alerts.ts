// Alerts of docs/domain/ENGINE-CONTRACT.md (and a few more), each with a level, a date, the
// transaction concerned, its rule and a Dutch and English message. The contract's
// `message` is the Dutch text; `messages` holds both.
//
// Who gets which alert (choices, §3.2 and §4): KOR threshold and projection alerts only
// while the business is inside the KOR — a non-participant's crossing still shows in
// kor.crossings and closes next year's eligibility, but there is nothing to deregister.
// EU-KOR alerts only for a business with EU-KOR settings, from 2025. Distance-sales
// alerts for everyone (art. 59c applies whatever scheme a business uses), but only when
// some of the year's B2C sales are booked with Dutch VAT: otherwise nothing has to move.

import { vatReturnDueForPeriodOf } from "./deadlines";
import { dateInWords, periodInWords, quarterLabelOf } from "./dates";
import { txAt, type Ledger } from "./ledger";
import { formatEuro } from "./money";
import type { ExclusionWindow } from "./participation";
import { withRule, type RuleId, type RuleSet } from "./rules";
import type {
  Alert,
  AlertCode,
  AlertLevel,
  Business,
  EuKorCrossing,
  FilingPeriod,
  ISODate,
  KorCrossing,
  MeasureProjection,
  RuleRef,
} from "./types";

type AlertFields = {
  code: AlertCode;
  level: AlertLevel;
  date: ISODate;
  year: number;
  ruleId: RuleId;
  nl: string;
  en: string;
  threshold?: number;
  transactionId?: string;
  transactionIds?: string[];
  state?: string;
  keySuffix?: string;
};

function alert(f: AlertFields): Alert {
  const key = [f.code, f.year, f.threshold, f.keySuffix].filter((part) => part !== undefined).join(":");
  const a = withRule(f.ruleId, { code: f.code, level: f.level, date: f.date, year: f.year } as Omit<
    Alert,
    keyof RuleRef | "message" | "messages" | "key"
  >);
  if (f.threshold !== undefined) a.threshold = f.threshold;
  if (f.transactionId !== undefined) a.transactionId = f.transactionId;
  if (f.transactionIds !== undefined && f.transactionIds.length > 0) a.transactionIds = f.transactionIds;
  if (f.state !== undefined) a.state = f.state;
  return Object.assign(a, { message: f.nl, messages: { nl: f.nl, en: f.en }, key });
}

const nl = (cents: number) => formatEuro(cents, "nl");
const en = (cents: number) => formatEuro(cents, "en");
const nlDate = (date: ISODate | null) => (date === null ? "" : dateInWords(date, "nl"));
const enDate = (date: ISODate | null) => (date === null ? "" : dateInWords(date, "en"));
const nlPeriod = (label: string) => periodInWords(label, "nl");
const enPeriod = (label: string) => periodInWords(label, "en");

export type AlertContext = {
  business: Business;
  asOf: ISODate;
  ledger: Ledger;
  rulesOf: (year: number) => RuleSet;
  korCrossings: readonly KorCrossing[];
  euKorCrossings: readonly EuKorCrossing[];
  participatingOnAsOf: boolean;
  projection: { kor: MeasureProjection; union: MeasureProjection };
  exclusionConflicts: readonly { periodIndex: number; window: ExclusionWindow }[];
  earliestRejoinAfter: (window: ExclusionWindow) => ISODate;
};

/** Who the alerts are for: the business's filing period and EU-KOR settings (see the header for the choices). */
type AlertScope = { filing: FilingPeriod; euKorUsed: boolean; chosenStates: ReadonlySet<string> };

/** Every alert of the books, by date; alerts of the same date in the order of the builders below. */
export function buildAlerts(ctx: AlertContext): Alert[] {
  const business = ctx.business;
  const scope: AlertScope = {
    filing: business.filingPeriod ?? "quarter",
    euKorUsed: business.euKor !== undefined,
    chosenStates: new Set(business.euKor?.memberStates ?? []),
  };
  return inDateOrder([
    ...approachAlerts(ctx, scope),
    ...korCrossingAlerts(ctx, scope),
    ...vatOnInvoiceAlerts(ctx),
    ...exclusionAlerts(ctx),
    ...projectionAlerts(ctx, scope),
    ...euKorCrossingAlerts(ctx, scope),
    ...memberStateCrossingAlerts(ctx, scope),
    ...distanceSalesAlerts(ctx),
  ]);
}

/** Stable sort: by date, then in the order raised. */
function inDateOrder(alerts: Alert[]): Alert[] {
  return alerts
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (x.a.date < y.a.date ? -1 : x.a.date > y.a.date ? 1 : x.i - y.i))
    .map(({ a }) => a);
}

/** §3.2 and §4: a running total reached an approach level (80%, 95%) of the KOR or the EU-KOR limit, in the ledger's order. */
function approachAlerts(ctx: AlertContext, scope: AlertScope): Alert[] {
  const { ledger } = ctx;
  const out: Alert[] = [];
  for (const a of ledger.approaches) {
    const tx = txAt(ledger, a.pos);
    const rules = ctx.rulesOf(a.year);
    if (a.measure === "kor") {
      if (!a.participating) continue;
      out.push(
        alert({
          code: "KOR_THRESHOLD_APPROACHING",
          level: "warning",
          date: tx.date,
          year: a.year,
          threshold: a.percent,
          transactionId: tx.id,
          ruleId: "kor.approaching",
          nl: `Je KOR-omzet ${a.year} is met ${tx.id} van ${nlDate(tx.date)} ${nl(a.totalCents)}: ${a.percent}% van de grens van ${nl(rules.korLimitCents)} is bereikt. Daarboven moet je direct btw rekenen en je afmelden voor de KOR.`,
          en: `Your KOR turnover for ${a.year} is ${en(a.totalCents)} with ${tx.id} of ${enDate(tx.date)}: ${a.percent}% of the ${en(rules.korLimitCents)} limit reached. Above it you must charge VAT at once and leave the KOR.`,
        }),
      );
    } else if (scope.euKorUsed && rules.euKorAvailable) {
      out.push(
        alert({
          code: "EU_KOR_THRESHOLD_APPROACHING",
          level: "warning",
          date: tx.date,
          year: a.year,
          threshold: a.percent,
          transactionId: tx.id,
          ruleId: "euKor.approaching",
          nl: `Je EU-omzet ${a.year} is met ${tx.id} van ${nlDate(tx.date)} ${nl(a.totalCents)}: ${a.percent}% van de EU-KOR-grens van ${nl(rules.unionLimitCents)} is bereikt.`,
          en: `Your Union turnover for ${a.year} is ${en(a.totalCents)} with ${tx.id} of ${enDate(tx.date)}: ${a.percent}% of the ${en(rules.unionLimitCents)} EU-KOR limit reached.`,
        }),
      );
    }
  }
  return out;
}

/** §3.2: the KOR limit crossed while inside the KOR: leave it at once, with the first VAT return's deadline. */
function korCrossingAlerts(ctx: AlertContext, scope: AlertScope): Alert[] {
  const out: Alert[] = [];
  const filing = scope.filing;
  for (const c of ctx.korCrossings) {
    if (!c.whileParticipating) continue;
    const rules = ctx.rulesOf(c.year);
    const period = filing === "month" ? c.date.slice(0, 7) : quarterLabelOf(c.date);
    const due = vatReturnDueForPeriodOf(c.date, filing);
    const riskNl =
      c.atRisk.length > 0
        ? ` Let op: op ${nlDate(c.date)} staan meerdere facturen zonder volgnummer (${c.atRisk.join(", ")}); hun volgorde bepaalt welke de grens overschrijdt.`
        : "";
    const riskEn =
      c.atRisk.length > 0
        ? ` Note: ${enDate(c.date)} has several invoices without a sequence (${c.atRisk.join(", ")}); their order decides which one crosses.`
        : "";
    out.push(
      alert({
        code: "KOR_THRESHOLD_CROSSED",
        level: "critical",
        date: c.date,
        year: c.year,
        threshold: 100,
        transactionId: c.transactionId,
        transactionIds: c.atRisk,
        ruleId: "kor.crossing",
        nl: `Je omzet ${c.year} is met ${c.transactionId} op ${nlDate(c.date)} boven ${nl(rules.korLimitCents)} gekomen (${nl(c.runningTotalAfterCents)}). Vanaf ${nlDate(c.date)} is btw verschuldigd over die hele factuur en alle latere. Meld je direct af voor de KOR met ${nlDate(c.date)} als einddatum; de eerste btw-aangifte (${nlPeriod(period)}) moet uiterlijk ${nlDate(due)} binnen zijn.${riskNl}`,
        en: `Your ${c.year} turnover went over ${en(rules.korLimitCents)} with ${c.transactionId} on ${enDate(c.date)} (${en(c.runningTotalAfterCents)}). VAT is due from ${enDate(c.date)} on that whole invoice and every later one. Leave the KOR at once with ${enDate(c.date)} as the end date; the first VAT return (${enPeriod(period)}) is due by ${enDate(due)}.${riskEn}`,
      }),
    );
  }
  return out;
}

/** §3.5: an invoice shows VAT while the business is inside the KOR. */
function vatOnInvoiceAlerts(ctx: AlertContext): Alert[] {
  const { ledger } = ctx;
  const out: Alert[] = [];
  for (const pos of ledger.vatWhileParticipating) {
    const tx = txAt(ledger, pos);
    const vat = tx.vatCents ?? 0;
    out.push(
      alert({
        code: "KOR_VAT_ON_INVOICE",
        level: "critical",
        date: tx.date,
        year: Number(tx.date.slice(0, 4)),
        transactionId: tx.id,
        keySuffix: tx.id,
        ruleId: "kor.vatOnInvoice",
        nl: `Factuur ${tx.id} van ${nlDate(tx.date)} vermeldt ${nl(vat)} btw terwijl je in de KOR zit. Die btw moet je afdragen; mogelijk vervalt je KOR-deelname (interpretatie — check bij je adviseur).`,
        en: `Invoice ${tx.id} of ${enDate(tx.date)} shows ${en(vat)} VAT while you are in the KOR. You must pay that VAT; your KOR participation may lapse (interpretation — check with your adviser).`,
      }),
    );
  }
  return out;
}

/** §3.4: a KOR participation starts inside the exclusion after leaving. */
function exclusionAlerts(ctx: AlertContext): Alert[] {
  const { ledger } = ctx;
  const out: Alert[] = [];
  for (const conflict of ctx.exclusionConflicts) {
    const period = ledger.periods[conflict.periodIndex]!;
    const w = conflict.window;
    const rejoin = ctx.earliestRejoinAfter(w);
    out.push(
      alert({
        code: "KOR_PARTICIPATION_IN_EXCLUSION",
        level: "warning",
        date: period.from,
        year: Number(period.from.slice(0, 4)),
        keySuffix: period.from,
        ruleId: "kor.exclusion",
        nl: `De KOR-deelname vanaf ${nlDate(period.from)} valt in de uitsluitingsperiode na afmelden (${nlDate(w.from)} tot en met ${nlDate(w.to)}). Je kunt op zijn vroegst vanaf ${nlDate(rejoin)} weer meedoen.`,
        en: `The KOR participation from ${enDate(period.from)} falls inside the exclusion after leaving (${enDate(w.from)} to ${enDate(w.to)}). The earliest you can rejoin is ${enDate(rejoin)}.`,
      }),
    );
  }
  return out;
}

/** The projection: this year's KOR (while inside) or Union turnover is expected to cross its limit. */
function projectionAlerts(ctx: AlertContext, scope: AlertScope): Alert[] {
  const out: Alert[] = [];
  const kp = ctx.projection.kor;
  if (ctx.participatingOnAsOf && !kp.alreadyCrossed && kp.sufficientData && kp.expectedCrossingDate !== null) {
    out.push(projectionAlert("KOR_PROJECTED_CROSSING", kp, ctx.asOf, "KOR-omzet", "KOR turnover"));
  }
  const up = ctx.projection.union;
  const asOfYear = Number(ctx.asOf.slice(0, 4));
  if (
    scope.euKorUsed &&
    ctx.rulesOf(asOfYear).euKorAvailable &&
    !up.alreadyCrossed &&
    up.sufficientData &&
    up.expectedCrossingDate !== null
  ) {
    out.push(projectionAlert("EU_KOR_PROJECTED_CROSSING", up, ctx.asOf, "EU-omzet", "Union turnover"));
  }
  return out;
}

/** §4: the Union limit crossed: the EU-KOR exemption ends, with the notification deadline. */
function euKorCrossingAlerts(ctx: AlertContext, scope: AlertScope): Alert[] {
  const out: Alert[] = [];
  for (const c of ctx.euKorCrossings) {
    if (!scope.euKorUsed || !ctx.rulesOf(c.year).euKorAvailable) continue;
    const rules = ctx.rulesOf(c.year);
    out.push(
      alert({
        code: "EU_KOR_THRESHOLD_CROSSED",
        level: "critical",
        date: c.date,
        year: c.year,
        threshold: 100,
        transactionId: c.transactionId,
        transactionIds: c.atRisk,
        ruleId: "euKor.crossing",
        nl: `Je EU-omzet ${c.year} is met ${c.transactionId} op ${nlDate(c.date)} boven ${nl(rules.unionLimitCents)} gekomen. De EU-KOR-vrijstelling in andere lidstaten eindigt vanaf die levering. Meld dit uiterlijk ${nlDate(c.notifyBy)} (15 werkdagen) aan de Belastingdienst, met je leveringen sinds het begin van het kwartaal; ${c.year + 1} is uitgesloten van de EU-KOR.`,
        en: `Your ${c.year} Union turnover went over ${en(rules.unionLimitCents)} with ${c.transactionId} on ${enDate(c.date)}. The EU-KOR exemption in other states ends from that supply. Inform the Belastingdienst by ${enDate(c.notifyBy)} (15 working days) with your supplies since the start of the quarter; ${c.year + 1} is blocked for the EU-KOR.`,
      }),
    );
  }
  return out;
}

/** §4: a chosen member state's own threshold crossed: the exemption there ends. */
function memberStateCrossingAlerts(ctx: AlertContext, scope: AlertScope): Alert[] {
  const { ledger } = ctx;
  const out: Alert[] = [];
  for (const m of ledger.memberStateCrossings) {
    if (!scope.euKorUsed || !scope.chosenStates.has(m.state) || !ctx.rulesOf(m.year).euKorAvailable) continue;
    const tx = txAt(ledger, m.pos);
    out.push(
      alert({
        code: "EU_KOR_MEMBER_STATE_THRESHOLD_CROSSED",
        level: "critical",
        date: tx.date,
        year: m.year,
        threshold: 100,
        transactionId: tx.id,
        state: m.state,
        keySuffix: m.state,
        ruleId: "euKor.memberStateCrossing",
        nl: `Je omzet in ${m.state} over ${m.year} is met ${tx.id} op ${nlDate(tx.date)} boven de drempel van ${nl(m.limit)} gekomen. De vrijstelling in ${m.state} eindigt volgens de regels van dat land; andere lidstaten en de KOR blijven ongemoeid.`,
        en: `Your ${m.year} turnover in ${m.state} went over its ${en(m.limit)} threshold with ${tx.id} on ${enDate(tx.date)}. The exemption in ${m.state} ends under that state's rules; other states and the NL KOR are unaffected.`,
      }),
    );
  }
  return out;
}

/** §1, art. 59c: distance sales over the threshold this year or last, with the sales still booked with Dutch VAT. */
function distanceSalesAlerts(ctx: AlertContext): Alert[] {
  const { ledger } = ctx;
  const out: Alert[] = [];
  for (const acc of ledger.years) {
    const threshold = acc.rules.distanceSalesThresholdCents;
    if (threshold === null) continue;
    // Only a business that taxes some distance sales in NL relies on the threshold; one that already charges the customer's VAT on all of them has nothing to move (choice, §1).
    if (acc.distanceCrossPos >= 0 && acc.nlVatDistancePositions.length > 0) {
      const tx = txAt(ledger, acc.distanceCrossPos);
      const wrong = acc.nlVatDistancePositions.filter((p) => p >= acc.distanceCrossPos).map((p) => txAt(ledger, p).id);
      out.push(
        alert({
          code: "EU_DISTANCE_SALES_THRESHOLD_CROSSED",
          level: wrong.length > 0 ? "critical" : "warning",
          date: tx.date,
          year: acc.year,
          threshold: 100,
          transactionId: tx.id,
          transactionIds: wrong,
          ruleId: "distanceSales.threshold",
          nl: `Je verkopen aan consumenten in andere EU-landen over ${acc.year} zijn met ${tx.id} op ${nlDate(tx.date)} boven ${nl(threshold)} gekomen. Vanaf die verkoop reken je de btw van het land van de klant (categorie EU_B2C_FOREIGN_VAT, via het éénloketsysteem).${wrong.length > 0 ? ` Nog als Nederlandse btw geboekt: ${wrong.join(", ")}.` : ""}`,
          en: `Your ${acc.year} sales to consumers in other EU states went over ${en(threshold)} with ${tx.id} on ${enDate(tx.date)}. From that sale on, charge the VAT of the customer's state (category EU_B2C_FOREIGN_VAT, through the One-Stop Shop).${wrong.length > 0 ? ` Still booked with Dutch VAT: ${wrong.join(", ")}.` : ""}`,
        }),
      );
    }
    const previous = ledger.yearMap.get(acc.year - 1);
    if (previous && previous.distanceCrossPos >= 0 && acc.nlVatDistancePositions.length > 0) {
      const first = txAt(ledger, acc.nlVatDistancePositions[0]!);
      const ids = acc.nlVatDistancePositions.map((p) => txAt(ledger, p).id);
      out.push(
        alert({
          code: "EU_DISTANCE_SALES_PREVIOUS_YEAR_EXCEEDED",
          level: "critical",
          date: first.date,
          year: acc.year,
          transactionId: first.id,
          transactionIds: ids,
          ruleId: "distanceSales.threshold",
          nl: `In ${acc.year - 1} kwamen je afstandsverkopen boven ${nl(threshold)}: in ${acc.year} is elke verkoop aan een consument in een ander EU-land belast in dat land. Als Nederlandse btw geboekt: ${ids.join(", ")}.`,
          en: `In ${acc.year - 1} your distance sales went over ${en(threshold)}: in ${acc.year} every sale to a consumer in another EU state is taxed there. Booked with Dutch VAT: ${ids.join(", ")}.`,
        }),
      );
    }
  }
  return out;
}

function projectionAlert(
  code: "KOR_PROJECTED_CROSSING" | "EU_KOR_PROJECTED_CROSSING",
  p: MeasureProjection,
  asOf: ISODate,
  whatNl: string,
  whatEn: string,
): Alert {
  const year = Number(asOf.slice(0, 4));
  const latestNl = p.latestCrossingDate === null ? "na 31 december" : nlDate(p.latestCrossingDate);
  const latestEn = p.latestCrossingDate === null ? "after 31 December" : enDate(p.latestCrossingDate);
  const basisNl = p.basis === "seasonal" ? "je tempo en het seizoenspatroon van vorig jaar" : "je tempo tot nu toe";
  const basisEn = p.basis === "seasonal" ? "your pace and last year's seasonal pattern" : "your pace so far";
  return alert({
    code,
    level: "warning",
    date: asOf,
    year,
    ruleId: code === "KOR_PROJECTED_CROSSING" ? "projection" : "projection.union",
    nl: `Volgens ${basisNl} komt je ${whatNl} ${year} rond ${nlDate(p.expectedCrossingDate)} boven ${nl(p.limitCents)} (waarschijnlijk tussen ${nlDate(p.earliestCrossingDate)} en ${latestNl}). Verwachte jaaromzet: ${nl(p.expectedTotalCents)} (${nl(p.lowTotalCents)} – ${nl(p.highTotalCents)}). Een schatting, geen regel.`,
    en: `At ${basisEn}, your ${year} ${whatEn} would pass ${en(p.limitCents)} around ${enDate(p.expectedCrossingDate)} (likely between ${enDate(p.earliestCrossingDate)} and ${latestEn}). Expected year total: ${en(p.expectedTotalCents)} (${en(p.lowTotalCents)} – ${en(p.highTotalCents)}). An estimate, not a rule.`,
  });
}
