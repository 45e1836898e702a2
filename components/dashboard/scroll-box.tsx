// A wide table's horizontal scroller: focusable and named, so keyboard users can scroll it too.
import type { ReactNode } from "react";

export function ScrollBox({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} tabIndex={0} className={`overflow-x-auto focus-visible:outline-3 ${className}`}>
      {children}
    </div>
  );
}
