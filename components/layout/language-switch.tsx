// Two buttons that switch the UI language; works without JavaScript too.
import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/features/users/actions";
import { LOCALES } from "@/lib/platform/i18n/config";

export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations();
  return (
    <form action={setLocaleAction} aria-label={t("nav.language")} className="flex gap-1">
      {LOCALES.map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          lang={option}
          aria-pressed={option === locale}
          className={`rounded px-2 py-1 text-sm ${option === locale ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-200"}`}
        >
          {/* On a phone the code, with the language's name for screen readers. */}
          <span className="max-sm:sr-only">{t(`language.${option}`)}</span>
          <span aria-hidden="true" className="uppercase sm:hidden">
            {option}
          </span>
        </button>
      ))}
    </form>
  );
}
