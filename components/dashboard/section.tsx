// A titled card of the dashboard: a region named by its heading.
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

export function DashboardSection({
  id,
  title,
  children,
  className = "",
}: {
  id: string;
  title: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Card as="section" padding="responsive" className={`min-w-0 ${className}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </Card>
  );
}
