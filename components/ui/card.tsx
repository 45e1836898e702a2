// The white panel every page is built from: rounded, a soft shadow and a ring. `as` keeps
// the right landmark or list semantics (section, article, li); `tone` marks a panel that
// needs attention or is new.
import type { ComponentPropsWithoutRef, ElementType } from "react";

const PADDING = { none: "", compact: "p-4", normal: "p-6", responsive: "p-4 sm:p-6" } as const;
const TONE = { default: "ring-1 ring-slate-200", attention: "ring-1 ring-amber-300", highlight: "ring-2 ring-brand-700" } as const;

type CardProps<T extends ElementType> = {
  as?: T;
  padding?: keyof typeof PADDING;
  tone?: keyof typeof TONE;
  className?: string;
} & Omit<ComponentPropsWithoutRef<T>, "as" | "className">;

export function Card<T extends ElementType = "div">({ as, padding = "normal", tone = "default", className, ...rest }: CardProps<T>) {
  const Tag: ElementType = as ?? "div";
  const classes = ["rounded-lg bg-white shadow-sm", TONE[tone], PADDING[padding], className].filter(Boolean).join(" ");
  return <Tag className={classes} {...rest} />;
}
