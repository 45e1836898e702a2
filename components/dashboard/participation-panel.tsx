// The KOR participation after leaving it (§3.2, §3.4): ended by the crossing on its date —
// the stored period need not be edited — with the deregistration as a step the owner
// ticks off with the date sent (a form action, so it works without JavaScript), and when
// the business may be back in.
import { getTranslations } from "next-intl/server";
import { recordDeregistrationFormAction, undoDeregistrationFormAction } from "@/lib/features/dashboard/actions";
import { Button } from "@/components/ui/button";
import type { DashboardData, ParticipationInfo } from "@/lib/features/dashboard/dashboard.types";
import { formatDate, type UiLanguage } from "@/lib/platform/i18n/format";
import { DashboardSection } from "./section";

type Props = { data: DashboardData & { participation: ParticipationInfo }; language: UiLanguage; canWrite: boolean; failed: boolean };

export async function ParticipationPanel({ data, language, canWrite, failed }: Props) {
  const t = await getTranslations("dashboard.participation");
  const { participation, businessId, year, asOf } = data;
  const date = (value: string) => formatDate(value, language, "long");
  const step = participation.deregistration;
  const exclusionYears = participation.excludedUntil ? Number(participation.excludedUntil.slice(0, 4)) : null;
  return (
    <DashboardSection id="participation" title={t("title")}>
      {participation.status === "endedByCrossing" ? (
        <p className="font-semibold" data-testid="participation-ended">
          {t("endedByCrossing", { date: date(participation.endedOn), invoice: participation.crossingInvoice?.number ?? "" })}
        </p>
      ) : (
        <p className="font-semibold">{t("excluded", { date: date(participation.endedOn) })}</p>
      )}
      {participation.status === "endedByCrossing" ? <p className="mt-1 text-sm text-slate-700">{t("noEdit")}</p> : null}

      {step ? (
        <div className={`mt-4 rounded border-l-4 p-3 ${step.sentOn ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}`}>
          <h3 className="font-semibold">{t("stepTitle", { date: date(step.endDate) })}</h3>
          {step.sentOn ? (
            <>
              <p className="mt-1 text-sm" data-testid="deregistration-done">
                <span aria-hidden="true">✓ </span>
                {t("sentOn", { date: date(step.sentOn) })}
              </p>
              {canWrite ? (
                <form action={undoDeregistrationFormAction} className="mt-2">
                  <input type="hidden" name="businessId" value={businessId} />
                  <input type="hidden" name="year" value={year} />
                  <input type="hidden" name="endDate" value={step.endDate} />
                  <Button type="submit" variant="secondary">
                    {t("undo")}
                  </Button>
                </form>
              ) : null}
            </>
          ) : (
            <>
              <p className="mt-1 text-sm">
                {t("stepText", { date: date(step.endDate) })}
                {step.daysLate ? <strong className="ml-1 text-red-800">{t("late", { days: step.daysLate })}</strong> : null}
              </p>
              {canWrite ? (
                <form action={recordDeregistrationFormAction} className="mt-3 flex flex-wrap items-end gap-3">
                  <input type="hidden" name="businessId" value={businessId} />
                  <input type="hidden" name="year" value={year} />
                  <input type="hidden" name="endDate" value={step.endDate} />
                  <div>
                    <label htmlFor="deregistration-sent-on" className="block text-sm font-medium text-slate-800">
                      {t("sentOnLabel")}
                    </label>
                    <input
                      id="deregistration-sent-on"
                      name="sentOn"
                      type="date"
                      required
                      defaultValue={asOf}
                      max={asOf}
                      aria-invalid={failed ? true : undefined}
                      aria-describedby={failed ? "deregistration-error" : undefined}
                      className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
                    />
                  </div>
                  <Button type="submit">{t("tick")}</Button>
                  {failed ? (
                    <p id="deregistration-error" role="alert" className="w-full text-sm font-medium text-red-700">
                      {t("failed")}
                    </p>
                  ) : null}
                </form>
              ) : null}
            </>
          )}
        </div>
      ) : null}

      {participation.earliestRejoin ? (
        <p className="mt-4 text-sm" data-testid="rejoin-rule">
          {exclusionYears !== null && participation.status === "endedByCrossing"
            ? t("rejoin", {
                date: date(participation.earliestRejoin),
                year: Number(participation.endedOn.slice(0, 4)),
                next: exclusionYears,
              })
            : t("rejoinShort", { date: date(participation.earliestRejoin) })}
        </p>
      ) : null}
    </DashboardSection>
  );
}
