// The column headings of a dashboard table: every cell a `th scope="col"`, spaced but the
// last, amounts (`end`) right-aligned. No hooks, so server and client components share it.
export type Column = { label: string; end?: boolean };

export function TableHead({ columns, className }: { columns: Column[]; className?: string }) {
  return (
    <thead>
      <tr className={className}>
        {columns.map((column, i) => (
          <th
            key={column.label}
            scope="col"
            className={`${i < columns.length - 1 ? "pr-3 " : ""}${column.end ? "text-right " : ""}font-medium`}
          >
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
