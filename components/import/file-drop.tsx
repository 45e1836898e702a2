"use client";
// A file input that looks like what it is: a labelled drop zone. The real <input
// type="file"> stays in the page (visually hidden, focusable), so the label, the keyboard
// (Tab to it, Enter or Space opens the picker) and screen readers work as for any input;
// a file dropped on the zone is handled the same as one chosen. The chosen file's name
// and size are shown and announced.
import { useId, useState, type DragEvent } from "react";
import { useLocale, useTranslations } from "next-intl";

type Props = { label: string; hint: string; accept: string; onFile: (file: File | undefined) => void; disabled?: boolean; id?: string };

/** 1536 → "1,5 kB" (nl) / "1.5 kB" (en). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ["B", "kB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale === "en" ? "en-GB" : "nl-NL", { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value)} ${units[unit]}`;
}

export function FileDrop({ label, hint, accept, onFile, disabled, id }: Props) {
  const t = useTranslations("importCsv.dropzone");
  const locale = useLocale();
  const generated = useId();
  const inputId = id ?? `file-${generated}`;
  const [chosen, setChosen] = useState<{ name: string; size: number } | null>(null);
  const [over, setOver] = useState(false);

  function take(file: File | undefined) {
    setChosen(file ? { name: file.name, size: file.size } : null);
    onFile(file);
  }
  function onDrop(event: DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setOver(false);
    if (!disabled) take(event.dataTransfer.files?.[0]);
  }

  return (
    <div>
      <span id={`${inputId}-label`} className="block text-sm font-medium">
        {label}
      </span>
      <input
        id={inputId}
        type="file"
        accept={accept}
        disabled={disabled}
        aria-labelledby={`${inputId}-label ${inputId}-zone-text`}
        aria-describedby={`${inputId}-hint${chosen ? ` ${inputId}-chosen` : ""}`}
        onChange={(event) => take(event.target.files?.[0])}
        className="peer sr-only"
      />
      <label
        htmlFor={inputId}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`mt-1 flex min-h-28 cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed p-4 text-center text-sm peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 ${
          over ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-slate-50 hover:border-brand-600"
        } ${disabled ? "cursor-not-allowed opacity-60" : ""}`}
      >
        <span id={`${inputId}-zone-text`}>
          <span className="font-semibold text-brand-700 underline">{chosen ? t("change") : t("choose")}</span> {t("orDrop")}
        </span>
        {chosen ? (
          <span id={`${inputId}-chosen`} role="status" className="break-all font-medium text-slate-900">
            {t("chosen", { name: chosen.name, size: formatBytes(chosen.size, locale) })}
          </span>
        ) : null}
      </label>
      <p id={`${inputId}-hint`} className="mt-1 text-sm text-slate-600">
        {hint}
      </p>
    </div>
  );
}
