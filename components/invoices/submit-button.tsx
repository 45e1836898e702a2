"use client";
// A submit button for a server-action form that says what it is doing while pending.
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

export function SubmitButton({
  children,
  pendingText,
  variant,
  className,
  "aria-label": ariaLabel,
}: {
  children: ReactNode;
  pendingText: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
  "aria-label"?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} className={className} disabled={pending} aria-busy={pending} aria-label={ariaLabel}>
      {pending ? pendingText : children}
    </Button>
  );
}
