"use client";
// The calendar feed's buttons: make a URL (shown once, with a copy button), make a new one
// (the old one stops working) or revoke it. Texts come translated from the server section.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "@/lib/features/calendar/actions";
import { Button } from "@/components/ui/button";

export type CalendarFeedLabels = {
  create: string;
  regenerate: string;
  revoke: string;
  urlLabel: string;
  urlHint: string;
  copy: string;
  copied: string;
  created: string;
  revoked: string;
  pending: string;
  failed: string;
};

export function CalendarFeedControls({ active, labels }: { active: boolean; labels: CalendarFeedLabels }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function create() {
    setPending(true);
    setMessage(null);
    const result = await createCalendarFeedAction();
    setPending(false);
    if (!result.ok) return setMessage({ ok: false, text: labels.failed });
    setUrl(result.data.url);
    setMessage({ ok: true, text: labels.created });
    router.refresh();
  }

  async function revoke() {
    setPending(true);
    setMessage(null);
    const result = await revokeCalendarFeedAction();
    setPending(false);
    if (!result.ok) return setMessage({ ok: false, text: labels.failed });
    setUrl(null);
    setMessage({ ok: true, text: labels.revoked });
    router.refresh();
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setMessage({ ok: true, text: labels.copied });
    } catch {
      // Without clipboard access the field stays selectable.
    }
  }

  return (
    <div className="space-y-3">
      {url ? (
        <div className="space-y-1">
          <label htmlFor="calendar-feed-url" className="block text-sm font-medium text-slate-800">
            {labels.urlLabel}
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id="calendar-feed-url"
              readOnly
              value={url}
              aria-describedby="calendar-feed-url-hint"
              onFocus={(event) => event.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
            />
            <Button type="button" variant="secondary" onClick={copy}>
              {labels.copy}
            </Button>
          </div>
          <p id="calendar-feed-url-hint" className="text-sm text-slate-600">
            {labels.urlHint}
          </p>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={pending} onClick={create}>
          {pending ? labels.pending : active ? labels.regenerate : labels.create}
        </Button>
        {active ? (
          <Button type="button" variant="danger" disabled={pending} onClick={revoke}>
            {labels.revoke}
          </Button>
        ) : null}
      </div>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "font-medium text-green-800" : "text-red-700"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
