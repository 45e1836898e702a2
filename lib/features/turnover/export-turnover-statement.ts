// The year's counted-turnover statement as CSV: the KOR total per category and per month,
// what did not count, and the rule (section of docs/domain/KOR-RULES.md) behind every line — taken
// from the engine's own explanation, so the statement and the dashboard cannot disagree.
import { writeCsv } from "@/lib/platform/http/csv";
import { readBooks, validYear } from "@/lib/features/books/read-books";
import type { Caller } from "@/lib/features/businesses/access";
import { CATEGORIES, type Category, type ExplainedTransaction } from "@/lib/kor";
import { dateTimeFormat } from "@/lib/platform/i18n/intl-format";

export const STATEMENT_COLUMNS = [
  "section",
  "key",
  "label",
  "counts_for_kor",
  "transactions",
  "net_cents",
  "net_eur",
  "cumulative_counted_eur",
  "rule",
  "interpretation",
  "explanation",
] as const;
type Row = Record<(typeof STATEMENT_COLUMNS)[number], string | number>;

const euro = (cents: number) => (cents / 100).toFixed(2);

function byCategory(lines: ExplainedTransaction[], counted: boolean, language: "nl" | "en"): Row[] {
  const groups = new Map<Category, ExplainedTransaction[]>();
  for (const line of lines) {
    const group = groups.get(line.category);
    if (group) group.push(line);
    else groups.set(line.category, [line]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, items]) => {
      const net = items.reduce((sum, item) => sum + item.netCents, 0);
      const first = items[0]!;
      return {
        section: "category",
        key: category,
        label: CATEGORIES[category].label[language],
        counts_for_kor: counted ? "yes" : "no",
        transactions: items.length,
        net_cents: net,
        net_eur: euro(net),
        cumulative_counted_eur: "",
        rule: first.rule,
        interpretation: first.interpretation ? "yes" : "no",
        explanation: first.reason[language],
      };
    });
}

export type TurnoverStatementRow = Row;

/**
 * The statement's lines (per category, per month, the total) and the year's crossing, for
 * the CSV below and the PDF statement (lib/features/turnover/render-statement-pdf.ts). Checks access
 * first (lib/features/books/read-books.ts): an outsider gets NOT_FOUND.
 */
export async function getTurnoverStatement(options: { caller: Caller; businessId: string; year: unknown; language: "nl" | "en" }): Promise<{
  year: number;
  rows: TurnoverStatementRow[];
  totalCents: number;
  limitCents: number;
  crossingDate: string | null;
}> {
  const { caller, businessId, language } = options;
  const year = validYear(options.year);
  const { output } = await readBooks({ caller, businessId, year });
  const explained = output.explanations?.years[String(year)]?.kor;
  const counted = explained?.counted ?? [];
  const notCounted = explained?.notCounted ?? [];
  const rows: Row[] = [...byCategory(counted, true, language), ...byCategory(notCounted, false, language)];

  let cumulative = 0;
  for (let month = 1; month <= 12; month++) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    const inMonth = counted.filter((line) => line.date.startsWith(key));
    const notInMonth = notCounted.filter((line) => line.date.startsWith(key));
    const net = inMonth.reduce((sum, line) => sum + line.netCents, 0);
    cumulative += net;
    rows.push({
      section: "month",
      key,
      label: dateTimeFormat(language === "en" ? "en-GB" : "nl-NL", { month: "long", year: "numeric", timeZone: "UTC" }).format(
        new Date(`${key}-01T00:00:00Z`),
      ),
      counts_for_kor: "yes",
      transactions: inMonth.length,
      net_cents: net,
      net_eur: euro(net),
      cumulative_counted_eur: euro(cumulative),
      rule: explained?.rule ?? "",
      interpretation: "",
      explanation:
        language === "en"
          ? `${notInMonth.length} transactions (€ ${euro(notInMonth.reduce((s, l) => s + l.netCents, 0))}) did not count`
          : `${notInMonth.length} transacties (€ ${euro(notInMonth.reduce((s, l) => s + l.netCents, 0))}) telden niet mee`,
    });
  }
  const total = explained?.totalCents ?? 0;
  const crossing = output.kor.crossings.find((c) => c.year === year);
  rows.push({
    section: "total",
    key: String(year),
    label: language === "en" ? "Counted KOR turnover" : "Meetellende KOR-omzet",
    counts_for_kor: "yes",
    transactions: counted.length,
    net_cents: total,
    net_eur: euro(total),
    cumulative_counted_eur: euro(total),
    rule: explained?.rule ?? "",
    interpretation: explained?.interpretation ? "yes" : "no",
    explanation: crossing
      ? language === "en"
        ? `Limit of € ${euro(output.years[String(year)]?.limits.korCents ?? 0)} crossed on ${crossing.date}`
        : `Grens van € ${euro(output.years[String(year)]?.limits.korCents ?? 0)} overschreden op ${crossing.date}`
      : "",
  });
  return {
    year,
    rows,
    totalCents: total,
    limitCents: output.years[String(year)]?.limits.korCents ?? 0,
    crossingDate: crossing?.date ?? null,
  };
}

export async function exportTurnoverStatement(options: {
  caller: Caller;
  businessId: string;
  year: unknown;
  language: "nl" | "en";
}): Promise<string> {
  const { rows } = await getTurnoverStatement(options);
  return writeCsv(
    STATEMENT_COLUMNS,
    rows.map((row) => STATEMENT_COLUMNS.map((column) => row[column])),
  );
}
