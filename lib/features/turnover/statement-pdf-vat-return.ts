// The VAT-return figures (btw-aangifte) in the PDF statement (issue #20): per filing period
// of the year outside the KOR — from the crossing period on, or every period of a business
// not in the KOR — the rubrieken 1a–5g in whole euros as the form takes them
// (lib/features/vat-return/compute-vat-return.ts), "vul zelf in" where the data cannot support a
// figure, the documents that need a look, and whether the period was filed. Drawn with the
// statement's layout helpers, in the statement's language.
import { createTranslator } from "next-intl";
import nlMessages from "@/lib/platform/i18n/messages/nl/index";
import enMessages from "@/lib/platform/i18n/messages/en/index";
import { periodInWords } from "@/lib/kor";
import type { VatReturnDto } from "@/lib/features/vat-return/vat-return.types";
import type { PdfLayout } from "./statement-pdf-filing";

export function drawVatReturns(options: {
  layout: PdfLayout & { euros: (euros: number) => string };
  language: "nl" | "en";
  year: number;
  /** The year's periods that have a return (due or filed), in order. */
  returns: readonly VatReturnDto[];
}): void {
  const { layout, language, year, returns } = options;
  const { heading, subheading, paragraph, table, euros, day } = layout;
  if (returns.length === 0) return;
  const messages = language === "en" ? enMessages : nlMessages;
  const t = createTranslator({ locale: language, messages, namespace: "statementPdf" });
  const words = createTranslator({ locale: language, messages, namespace: "vatReturn" });

  heading(t("vatReturnTitle", { year }));
  paragraph(t("vatReturnIntro"));
  for (const vatReturn of returns) {
    const { period } = vatReturn;
    subheading(
      t("vatReturnPeriod", {
        period: periodInWords(period.label, language),
        from: day(period.from),
        to: day(period.to),
        due: day(period.dueDate),
      }),
    );
    if (vatReturn.outsideKorFrom && vatReturn.outsideKorFrom !== period.from)
      paragraph(words("outsideFrom", { date: day(vatReturn.outsideKorFrom) }));
    if (vatReturn.filing) {
      paragraph(
        vatReturn.status === "correctionNeeded"
          ? t("vatReturnCorrection", { date: day(vatReturn.filing.filedOn) })
          : t("vatReturnFiled", { date: day(vatReturn.filing.filedOn) }),
      );
    }
    const cell = (value: number | null, selfFill: boolean) => (value === null ? "" : selfFill ? t("vatReturnSelfFill") : euros(value));
    table(
      [
        { title: words("col.rubriek"), width: 0.1 },
        { title: words("col.description"), width: 0.56 },
        { title: words("col.turnover"), width: 0.17, align: "right" },
        { title: words("col.vat"), width: 0.17, align: "right" },
      ],
      vatReturn.rubrieken.map((r) => [r.code, words(`rubriek.${r.code}`), cell(r.turnoverEuros, r.selfFill), cell(r.vatEuros, r.selfFill)]),
    );
    // Documents the figures leave out but that need a look (a rate the data cannot tell, a taxed sale sent without VAT).
    const attention = vatReturn.notes.filter((note) => note.kind === "rateUnknown" || note.kind === "noVatOnTaxedSale");
    for (const note of attention) paragraph(`${note.document.label} (${day(note.document.date)}): ${words(`note.${note.kind}`)}`);
  }
  paragraph(t("vatReturnSelfFillNote"));
}
