// The filing figures in the PDF statement (issue #20): the EU-KOR quarterly report per
// quarter and member state (with the EX number, due dates and the notice after a crossing
// of €100,000), and the ICP and OSS figures per quarter. Drawn with the statement's own
// layout helpers (render-statement-pdf.ts), in the statement's language.
import { createTranslator } from "next-intl";
import type { IcpOss } from "@/lib/features/eu-kor/build-icp-oss";
import type { QuarterlyReports } from "@/lib/features/eu-kor/build-quarterly-report";
import nlMessages from "@/lib/platform/i18n/messages/nl/index";
import enMessages from "@/lib/platform/i18n/messages/en/index";
import { ruleInWords } from "@/lib/kor";

type Column = { title: string; width: number; align?: "left" | "right" };

export type PdfLayout = {
  heading: (text: string) => void;
  subheading: (text: string) => void;
  paragraph: (text: string) => void;
  table: (columns: Column[], rows: string[][]) => void;
  eur: (cents: number) => string;
  day: (iso: string) => string;
};

export function drawFilingFigures(options: {
  layout: PdfLayout;
  language: "nl" | "en";
  euKor: { exNumber: string | null; from: string | null } | null;
  reports: QuarterlyReports;
  icpOss: IcpOss;
}): void {
  const { layout, language, reports, icpOss, euKor } = options;
  const { heading, subheading, paragraph, table, eur, day } = layout;
  const t = createTranslator({ locale: language, messages: language === "en" ? enMessages : nlMessages, namespace: "euKorFiling" });
  const interpretation = (flag: boolean) => (flag ? ` (${t("interpretation")})` : "");

  // The EU-KOR quarterly report: for an EU-KOR business, or wherever a notice is due.
  if (euKor || reports.notices.length > 0) {
    heading(t("pdfEuKorTitle", { year: reports.year }));
    if (euKor)
      paragraph(
        t("pdfEuKorNumber", { exNumber: euKor.exNumber ?? t("pdfNoExNumber"), from: euKor.from ? day(euKor.from) : t("pdfNoFrom") }),
      );
    table(
      [
        { title: t("pdfColQuarter"), width: 0.22 },
        { title: t("state"), width: 0.2 },
        { title: t("amount"), width: 0.25, align: "right" },
        { title: t("pdfColDue"), width: 0.33 },
      ],
      reports.quarters.flatMap((quarter) => {
        const lines = quarter.lines.filter((line) => line.netCents !== 0);
        const due = quarter.dueDate ? day(quarter.dueDate) : "";
        if (lines.length === 0) return [[quarter.quarter, t("pdfAllStates"), eur(0), due]];
        return [
          ...lines.map((line) => [quarter.quarter, line.state, eur(line.netCents), due]),
          [quarter.quarter, t("pdfOtherStates"), eur(0), due],
        ];
      }),
    );
    paragraph(`${t("rule", { rule: ruleInWords(reports.ruleId, language) })}`);
    for (const notice of reports.notices) {
      subheading(t("noticeTitle"));
      paragraph(t("noticeCrossed", { date: day(notice.crossedOn), total: eur(notice.unionTotalCents) }));
      paragraph(t("noticeDeadline", { date: day(notice.notifyBy), days: notice.workingDays }));
      if (notice.holidaysSkipped.length > 0)
        paragraph(t("noticeHolidays", { holidays: notice.holidaysSkipped.map((h) => `${h.name[language]} (${day(h.date)})`).join(", ") }));
      paragraph(t("noticeSupplies", { from: day(notice.periodFrom), to: day(notice.crossedOn) }));
      table(
        [
          { title: t("state"), width: 0.4 },
          { title: t("amount"), width: 0.3, align: "right" },
        ],
        [
          ...notice.lines.filter((line) => line.netCents !== 0).map((line) => [line.state, eur(line.netCents)]),
          [t("total"), eur(notice.totalCents)],
        ],
      );
    }
  }

  // ICP and OSS: only when there is something to file.
  const hasIcp = icpOss.quarters.some((q) => q.icp.length > 0);
  const hasOss = icpOss.quarters.some((q) => q.oss.length > 0) || icpOss.ossStart !== null;
  if (!hasIcp && !hasOss) return;
  heading(t("icpOssTitle", { year: icpOss.year }));
  if (hasIcp) {
    subheading(t("icpCaption"));
    table(
      [
        { title: t("pdfColQuarter"), width: 0.14 },
        { title: t("vatId"), width: 0.22 },
        { title: t("customer"), width: 0.32 },
        { title: t("goods"), width: 0.16, align: "right" },
        { title: t("services"), width: 0.16, align: "right" },
      ],
      icpOss.quarters.flatMap((q) =>
        q.icp.map((line) => [q.quarter, line.vatId ?? t("vatIdMissing"), line.customerName, eur(line.goodsCents), eur(line.servicesCents)]),
      ),
    );
    paragraph(`${t("rule", { rule: ruleInWords(icpOss.icpRule.ruleId, language) })}${interpretation(icpOss.icpRule.interpretation)}`);
  }
  if (hasOss) {
    subheading(t("ossCaption"));
    const start = icpOss.ossStart;
    if (start) {
      paragraph(
        start.reason === "previousYear"
          ? t("ossFromPreviousYear", { date: day(start.from), threshold: eur(start.thresholdCents) })
          : t("ossFromCrossing", { date: day(start.from), invoice: start.invoiceNumber ?? "", threshold: eur(start.thresholdCents) }),
      );
    }
    table(
      [
        { title: t("pdfColQuarter"), width: 0.2 },
        { title: t("state"), width: 0.2 },
        { title: t("net"), width: 0.3, align: "right" },
        { title: t("vat"), width: 0.3, align: "right" },
      ],
      icpOss.quarters.flatMap((q) => q.oss.map((line) => [q.quarter, line.state, eur(line.netCents), eur(line.vatCents)])),
    );
    if (icpOss.dutchVatAfterOssStart.length > 0)
      paragraph(t("ossDutchVat", { invoices: icpOss.dutchVatAfterOssStart.map((i) => i.number).join(", ") }));
    paragraph(`${t("rule", { rule: ruleInWords(icpOss.ossRule.ruleId, language) })}${interpretation(icpOss.ossRule.interpretation)}`);
  }
}
