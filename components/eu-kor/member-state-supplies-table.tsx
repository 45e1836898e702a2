// Supplies per member state in euro with their total: the EU-KOR quarterly report's lines
// and the notice after crossing €100,000 show the same table (only the lines with supplies).
import { formatCents, type UiLanguage } from "@/lib/platform/i18n/format";

type Line = { state: string; netCents: number };
type Labels = { caption: string; state: string; amount: string; total: string };

const RULES = { slate: ["border-slate-200", "border-slate-100"], amber: ["border-amber-300", "border-amber-200"] } as const;

export function MemberStateSuppliesTable({
  lines,
  totalCents,
  labels,
  language,
  tone = "slate",
  className = "",
}: {
  lines: readonly Line[];
  totalCents: number;
  labels: Labels;
  language: UiLanguage;
  tone?: keyof typeof RULES;
  className?: string;
}) {
  const [head, row] = RULES[tone];
  return (
    <table className={`min-w-[20rem] text-left text-sm ${className}`}>
      <caption className="sr-only">{labels.caption}</caption>
      <thead>
        <tr className={`border-b ${head}`}>
          <th scope="col" className="py-1 pr-6 font-semibold">
            {labels.state}
          </th>
          <th scope="col" className="py-1 text-right font-semibold">
            {labels.amount}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.state} className={`border-b ${row}`}>
            <th scope="row" className="py-1 pr-6 font-normal">
              {line.state}
            </th>
            <td className="py-1 text-right tabular-nums">{formatCents(line.netCents, language)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" className="py-1 pr-6">
            {labels.total}
          </th>
          <td className="py-1 text-right font-semibold tabular-nums">{formatCents(totalCents, language)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
