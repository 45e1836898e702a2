"use client";
// Imports a CSV of purchases through the API (all or nothing). A refusal lists every
// problem by line and column in the user's language (the answer's i18n keys, `fieldKeys`).
import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/field";
import { Card } from "@/components/ui/card";

type Problem = { key: string; text: string };

export function PurchaseImport({ businessId }: { businessId: string }) {
  const t = useTranslations("purchases");
  const errorText = useErrorText();
  const id = useId();
  const router = useRouter();
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);

  const upload = async () => {
    const chosen = file.current?.files?.[0];
    setProblems([]);
    if (!chosen) {
      setMessage(t("chooseFile"));
      return;
    }
    setBusy(true);
    setMessage(t("importing"));
    const response = await fetch(`/api/v1/businesses/${businessId}/purchases/import`, {
      method: "POST",
      headers: { "content-type": "text/csv; charset=utf-8", accept: "application/json" },
      body: await chosen.text(),
    }).catch(() => null);
    const body = response
      ? ((await response.json().catch(() => null)) as {
          data?: { created: number };
          error?: { message: string; fieldKeys?: Record<string, string> };
        } | null)
      : null;
    setBusy(false);
    if (response?.ok && body?.data) {
      setMessage(t("imported", { count: body.data.created }));
      if (file.current) file.current.value = "";
      router.refresh();
      return;
    }
    setMessage(t("importFailed"));
    const keys = body?.error?.fieldKeys ?? {};
    setProblems(
      Object.entries(keys).map(([path, key]) => {
        const row = /^rows\.(\d+)\.(.+)$/.exec(path);
        const text = errorText(key) ?? key;
        return {
          key: path,
          text: row ? t("importRow", { line: row[1]!, column: row[2]!, message: text }) : t("importOther", { field: path, message: text }),
        };
      }),
    );
    if (Object.keys(keys).length === 0 && body?.error?.message) setProblems([{ key: "_", text: body.error.message }]);
  };

  return (
    <Card as="section" padding="compact" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("importTitle")}
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("importIntro")}</p>
      <form
        className="mt-3 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          void upload();
        }}
      >
        <div>
          <label htmlFor={`${id}-file`} className="block text-sm font-medium">
            {t("importFile")}
          </label>
          <input ref={file} id={`${id}-file`} type="file" accept=".csv,text/csv" className="mt-1 block max-w-full text-sm" />
        </div>
        <button
          type="submit"
          disabled={busy}
          className="rounded-md border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-60"
        >
          {busy ? t("importing") : t("importButton")}
        </button>
      </form>
      <div role="status" aria-live="polite" className="mt-2 text-sm">
        <p className="font-medium">{message}</p>
        {problems.length ? (
          <ul className="mt-1 list-disc pl-5 text-red-800">
            {problems.map((problem) => (
              <li key={problem.key}>{problem.text}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </Card>
  );
}
