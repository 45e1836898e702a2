// The monthly chart: counted and not counted turnover per month, by group and category.
import type { Category, ExplainedTotal } from "@/lib/kor";
import type { CategoryGroup, MonthBar } from "../dashboard.types";

const CATEGORY_GROUPS: Record<Category, CategoryGroup> = {
  NL_STANDARD: "domestic",
  NL_REDUCED: "domestic",
  NL_ZERO: "domestic",
  NL_REVERSE_CHARGE: "domestic",
  EXPORT_NON_EU: "outsideEu",
  NON_EU_SERVICES: "outsideEu",
  EU_B2B_GOODS: "eu",
  EU_B2C_NL_VAT: "eu",
  EU_B2C_FOREIGN_VAT: "eu",
  EU_B2B_SERVICES: "eu",
  EU_LOCAL: "eu",
  EXEMPT_REAL_ESTATE: "exempt",
  EXEMPT_FINANCIAL: "exempt",
  EXEMPT_INSURANCE: "exempt",
  EXEMPT_OTHER: "exempt",
  PRIVATE_USE: "other",
  ASSET_SALE: "other",
};

export const categoryGroupOf = (category: Category): CategoryGroup => CATEGORY_GROUPS[category];

export function buildMonthly(total: ExplainedTotal | undefined): MonthBar[] {
  const months: MonthBar[] = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    countedCents: 0,
    notCountedCents: 0,
    groups: {},
    categories: [],
  }));
  const entries = [...(total?.counted ?? []), ...(total?.notCounted ?? [])];
  for (const entry of entries) {
    const bar = months[Number(entry.date.slice(5, 7)) - 1]!;
    const side = entry.counted ? "counted" : "notCounted";
    if (entry.counted) bar.countedCents += entry.netCents;
    else bar.notCountedCents += entry.netCents;
    const key = `${side}.${categoryGroupOf(entry.category)}` as const;
    bar.groups[key] = (bar.groups[key] ?? 0) + entry.netCents;
    const category = bar.categories.find((c) => c.category === entry.category && c.counted === entry.counted);
    if (category) category.cents += entry.netCents;
    else bar.categories.push({ category: entry.category, counted: entry.counted, cents: entry.netCents });
  }
  for (const bar of months) bar.categories.sort((a, b) => Number(b.counted) - Number(a.counted) || b.cents - a.cents);
  return months;
}
