// The year shown, as a plain GET form (?year=2026): works by keyboard and without script.
import { getTranslations } from "next-intl/server";

export async function YearSelect({ years, year }: { years: number[]; year: number }) {
  const t = await getTranslations("dashboard");
  return (
    <form method="get" className="flex items-end gap-2">
      <div>
        <label htmlFor="dashboard-year" className="block text-sm font-medium">
          {t("yearLabel")}
        </label>
        <select
          id="dashboard-year"
          name="year"
          defaultValue={String(year)}
          className="mt-1 rounded border border-slate-400 bg-white px-2 py-1"
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-sm font-medium text-brand-800 hover:bg-brand-50">
        {t("showYear")}
      </button>
    </form>
  );
}
