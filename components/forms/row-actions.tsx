"use client";
// The controls on one row of a list (a member, an accountant, an invitation): each runs a
// server action, the row's controls wait for it, the page refreshes on success, and a
// refusal is told under the controls in the words of its first field message.
import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useErrorText } from "@/components/forms/field";
import type { ActionResult } from "@/lib/platform/action-result";

export function useRowAction() {
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function run(action: () => Promise<ActionResult<unknown>>) {
    setPending(true);
    setError(null);
    const result = await action();
    setPending(false);
    if (!result.ok) setError(errorText(Object.values(result.error.fields)[0] ?? "validation.invalid") ?? null);
    else router.refresh();
  }
  return { run, pending, error };
}

export function RowActionError({ error, className = "text-sm text-red-700" }: { error: string | null; className?: string }) {
  return error ? (
    <p role="alert" className={className}>
      {error}
    </p>
  ) : null;
}

/** The row's controls side by side, the error on a line of its own below them. */
export function RowActions({ error, children }: { error: string | null; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      {children}
      <RowActionError error={error} className="w-full text-sm text-red-700" />
    </div>
  );
}
