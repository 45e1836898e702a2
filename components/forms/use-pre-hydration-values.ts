"use client";
// A choice made in the server-rendered form before React took over must survive. React's
// hydration leaves the fields' current DOM values alone, but a controlled field's state
// still holds what the server rendered, and the next render writes that back (a select
// that was changed while the page loaded snaps back to its first option). Right after
// hydration, before anything renders again, each field's value as the user left it is
// handed to its setter. Fields that were not touched already equal their state, so this
// is a no-op on a page that hydrated before the user did anything.
import { useLayoutEffect, useRef } from "react";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** For each field's id: its state now and the setter to call with the DOM's value. */
export type PreHydrationFields = Record<string, { value: string | boolean; set: (value: string) => void }>;

/** The value a field holds in the DOM: its text, or for a checkbox "true"/"false", or for a radio group the checked one's value. */
function domValue(control: Control): string | boolean | undefined {
  if (control instanceof HTMLInputElement && control.type === "checkbox") return control.checked;
  if (control instanceof HTMLInputElement && control.type === "radio") {
    const checked = control.form?.querySelector<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(control.name)}"]:checked`);
    return checked?.value;
  }
  return control.value;
}

export function usePreHydrationValues(fields: PreHydrationFields): void {
  // The first render's fields: the effect runs once, on the hydrated DOM.
  const first = useRef(fields);
  useLayoutEffect(() => {
    for (const [id, field] of Object.entries(first.current)) {
      const control = document.getElementById(id) as Control | null;
      if (!control) continue;
      const value = domValue(control);
      if (value === undefined || value === field.value) continue;
      field.set(String(value));
    }
  }, []);
}
