// The body of the not-found, 403 and error pages. At the root (an unknown URL, or an error
// in a layout) it is the page's one <main id="main">; inside app/(app)/layout.tsx, which
// has its own <main id="main">, it is a plain <div>: a page has exactly one main landmark.
import type { ReactNode } from "react";

export function StatusMessage({ title, text, action, asMain }: { title: string; text: string; action: ReactNode; asMain: boolean }) {
  const Tag = asMain ? "main" : "div";
  return (
    <Tag {...(asMain ? { id: "main" } : {})} className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="mb-2 text-2xl font-bold">{title}</h1>
      <p className="mb-6 text-slate-700">{text}</p>
      {action}
    </Tag>
  );
}
