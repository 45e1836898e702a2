"use client";
// A form's round trip to a server action: pending state, field messages (i18n keys), a
// success message, and a refresh of the server components on success.
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/platform/action-result";

export function useActionForm() {
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; key: string } | null>(null);
  const [pending, setPending] = useState(false);
  async function submit(
    action: () => Promise<ActionResult<unknown>>,
    options: { success?: string; fallbackField?: string; onSuccess?: () => void } = {},
  ) {
    setPending(true);
    setMessage(null);
    const result = await action();
    setPending(false);
    if (!result.ok) {
      const found = result.error.fields;
      if (Object.keys(found).length > 0) setFields(found);
      else {
        setFields({});
        setMessage({ ok: false, key: result.error.code === "RATE_LIMITED" ? "errors.rateLimited" : "validation.invalid" });
      }
      return false;
    }
    setFields({});
    if (options.success) setMessage({ ok: true, key: options.success });
    options.onSuccess?.();
    router.refresh();
    return true;
  }
  return { fields, message, pending, submit };
}
