// A deadline's "done" mark (issue #16): done, it reads "Ingediend op 1 december 2026" with
// a button to take it back; not done, a date field ("Ingediend op", today by default, not
// after today) and a button to mark it. Form actions, so it works without JavaScript.
// Only for members who may write; others see the mark, not the forms.
import { getTranslations } from "next-intl/server";
import { markDeadlineDoneFormAction, undoDeadlineDoneFormAction } from "@/lib/features/dashboard/actions";
import { Button } from "@/components/ui/button";
import { parseDeadlineKey } from "@/lib/features/deadlines/deadline-key";
import { formatDate, type UiLanguage } from "@/lib/platform/i18n/format";

type Props = {
  businessId: string;
  year: number;
  deadlineKey: string;
  doneOn: string | null;
  today: string;
  canWrite: boolean;
  language: UiLanguage;
  /** The page to come back to. */
  returnTo: "dashboard" | "euKor";
  failed?: boolean;
};

export async function DeadlineDoneForm({
  businessId,
  year,
  deadlineKey,
  doneOn,
  today,
  canWrite,
  language,
  returnTo,
  failed = false,
}: Props) {
  const t = await getTranslations("dashboard.deadlineDone");
  // A return or report is filed; a notification is done.
  const verb = parseDeadlineKey(deadlineKey)?.kind === "EU_KOR_NOTIFY_BY" ? "done" : "filed";
  const id = `done-${deadlineKey.replace(/[^A-Za-z0-9-]/g, "-")}`;
  const hidden = (
    <>
      <input type="hidden" name="businessId" value={businessId} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="key" value={deadlineKey} />
      <input type="hidden" name="returnTo" value={returnTo} />
    </>
  );
  if (doneOn) {
    return (
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        <p className="font-medium text-green-800" data-testid="deadline-done">
          <span aria-hidden="true">✓ </span>
          {t(`${verb}.on`, { date: formatDate(doneOn, language, "long") })}
        </p>
        {canWrite ? (
          <form action={undoDeadlineDoneFormAction}>
            {hidden}
            <Button type="submit" variant="secondary">
              {t("undo")}
            </Button>
          </form>
        ) : null}
      </div>
    );
  }
  if (!canWrite) return null;
  return (
    <form action={markDeadlineDoneFormAction} className="mt-2 flex flex-wrap items-end gap-3 text-sm">
      {hidden}
      <div>
        <label htmlFor={id} className="block font-medium text-slate-800">
          {t(`${verb}.label`)}
        </label>
        <input
          id={id}
          name="doneOn"
          type="date"
          required
          defaultValue={today}
          max={today}
          aria-invalid={failed ? true : undefined}
          aria-describedby={failed ? `${id}-error` : undefined}
          className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
        />
      </div>
      <Button type="submit">{t(`${verb}.mark`)}</Button>
      {failed ? (
        <p id={`${id}-error`} role="alert" className="w-full font-medium text-red-700">
          {t("failed")}
        </p>
      ) : null}
    </form>
  );
}
