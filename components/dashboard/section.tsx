// A titled card of the dashboard: a region named by its heading.
import type { ReactNode } from "react";

export function DashboardSection({ id, title, children, className = "" }: { id: string; title: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={`${id}-title`} className={`min-w-0 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6 ${className}`}>
      <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
