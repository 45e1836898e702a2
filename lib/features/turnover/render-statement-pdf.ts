// The year's statement of one business as a PDF (issue #20): the counted-turnover statement
// (the same lines as the CSV, lib/features/turnover/export-turnover-statement.ts), the crossing and
// its remediation, the filing figures (EU-KOR quarters and notice, ICP and OSS:
// statement-pdf-filing.ts) and the deadlines (from the dashboard's evaluation, so the PDF and the
// page cannot disagree), in Dutch or English. Rendered on the server with pdfkit and its
// built-in Helvetica (WinAnsi encoding: €, ë, é and the dashes are in it; no font files).
// Access is checked by getTurnoverStatement first: an outsider gets NOT_FOUND.
import PDFDocument from "pdfkit";
import { createTranslator } from "next-intl";
import type { Caller } from "@/lib/features/businesses/access";
import { getBusiness } from "@/lib/features/businesses/get-business";
import { getDashboard } from "@/lib/features/dashboard/get-dashboard";
import { dateTimeFormat, numberFormat } from "@/lib/platform/i18n/intl-format";
import nlMessages from "@/lib/platform/i18n/messages/nl/index";
import enMessages from "@/lib/platform/i18n/messages/en/index";
import { getTurnoverStatement, type TurnoverStatementRow } from "@/lib/features/turnover/export-turnover-statement";
import { getIcpOss } from "@/lib/features/eu-kor/get-icp-oss";
import { getQuarterlyReports } from "@/lib/features/eu-kor/get-quarterly-reports";
import { drawFilingFigures } from "@/lib/features/turnover/statement-pdf-filing";
import { drawVatReturns } from "@/lib/features/turnover/statement-pdf-vat-return";
import { getVatReturn, getVatReturnYear } from "@/lib/features/vat-return/get-vat-return";
import type { VatReturnDto } from "@/lib/features/vat-return/vat-return.types";

type Language = "nl" | "en";

const MARGIN = 50;

/** The year's VAT returns that are due or were filed (the periods outside the KOR), in order. */
async function yearVatReturns(options: { caller: Caller; businessId: string; year: number }): Promise<VatReturnDto[]> {
  const { caller, businessId, year } = options;
  const { periods } = await getVatReturnYear({ caller, businessId, year });
  return Promise.all(
    periods.filter((p) => p.required || p.filedOn !== null).map((p) => getVatReturn({ caller, businessId, period: p.label })),
  );
}

export async function renderStatementPdf(options: {
  caller: Caller;
  businessId: string;
  year: unknown;
  language: Language;
  now?: Date;
}): Promise<Buffer> {
  const { caller, businessId, language } = options;
  const statement = await getTurnoverStatement({ caller, businessId, year: options.year, language });
  const [business, dashboard, reports, icpOss, vatReturns] = await Promise.all([
    getBusiness({ caller, businessId }),
    getDashboard({ caller, businessId, year: statement.year }),
    getQuarterlyReports({ caller, businessId, year: statement.year }),
    getIcpOss({ caller, businessId, year: statement.year }),
    yearVatReturns({ caller, businessId, year: statement.year }),
  ]);
  const t = createTranslator({ locale: language, messages: language === "en" ? enMessages : nlMessages, namespace: "statementPdf" });
  const kindLabel = createTranslator({
    locale: language,
    messages: language === "en" ? enMessages : nlMessages,
    namespace: "dashboard.deadlines.kind",
  });
  const deadlineWords = createTranslator({
    locale: language,
    messages: language === "en" ? enMessages : nlMessages,
    namespace: "dashboard.deadlines",
  });
  const locale = language === "en" ? "en-GB" : "nl-NL";
  const money = numberFormat(locale, { style: "currency", currency: "EUR" });
  const eur = (cents: number) => money.format(cents / 100);
  // The VAT return's figures are whole euros ("€ 1.250").
  const wholeEuros = numberFormat(locale, { style: "currency", currency: "EUR", minimumFractionDigits: 0, maximumFractionDigits: 0 });
  const longDate = dateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const day = (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`));
  const now = options.now ?? new Date();
  const today = dateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" }).format(now);

  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: t("title", { year: statement.year }), Author: "Drempel", Subject: business.name, CreationDate: now },
    lang: language === "en" ? "en-GB" : "nl-NL",
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  const heading = (text: string) => {
    doc
      .moveDown(0.8)
      .font("Helvetica-Bold")
      .fontSize(13)
      .text(text, MARGIN, undefined, { width })
      .moveDown(0.3)
      .font("Helvetica")
      .fontSize(10);
  };
  const subheading = (text: string) => {
    doc.font("Helvetica-Bold").fontSize(11).text(text, MARGIN, undefined, { width }).moveDown(0.2);
  };
  const paragraph = (text: string) => doc.font("Helvetica").fontSize(10).text(text, MARGIN, undefined, { width }).moveDown(0.3);
  /** A simple table: fixed column widths (fractions of the page), a bold header row. */
  const table = (columns: { title: string; width: number; align?: "left" | "right" }[], rows: string[][]) => {
    const draw = (cells: string[], bold: boolean) => {
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(9);
      const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width * width - 6 }));
      const height = Math.max(...heights) + 4;
      if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
      const top = doc.y;
      let x = MARGIN;
      cells.forEach((cell, i) => {
        const column = columns[i]!;
        doc.text(cell, x, top, { width: column.width * width - 6, align: column.align ?? "left" });
        x += column.width * width;
      });
      doc.x = MARGIN;
      doc.y = top + height;
    };
    draw(
      columns.map((c) => c.title),
      true,
    );
    for (const row of rows) draw(row, false);
    doc.moveDown(0.3);
  };

  // Title
  doc
    .font("Helvetica-Bold")
    .fontSize(18)
    .text(t("title", { year: statement.year }), { width });
  doc
    .font("Helvetica")
    .fontSize(10)
    .text(t("subtitle", { business: business.name, date: today, asOf: day(dashboard.asOf) }), { width });

  // The counted-turnover statement
  heading(t("countedTitle"));
  paragraph(t("countedTotal", { year: statement.year, amount: eur(statement.totalCents) }));
  paragraph(
    t("limit", {
      amount: eur(statement.limitCents),
      percent: `${numberFormat(locale, { maximumFractionDigits: 1 }).format(dashboard.progress.percent)}%`,
    }),
  );
  const categories = statement.rows.filter((row) => row.section === "category");
  const months = statement.rows.filter((row) => row.section === "month");
  const rule = (row: TurnoverStatementRow) => `${row.rule}${row.interpretation === "yes" ? ` (${t("interpretation")})` : ""}`;
  doc.font("Helvetica-Bold").fontSize(11).text(t("byCategory"), MARGIN, undefined, { width }).moveDown(0.2);
  table(
    [
      { title: t("colCategory"), width: 0.42 },
      { title: t("colCounts"), width: 0.1 },
      { title: t("colCount"), width: 0.1, align: "right" },
      { title: t("colAmount"), width: 0.18, align: "right" },
      { title: t("colRule"), width: 0.2 },
    ],
    categories.map((row) => [
      String(row.label),
      row.counts_for_kor === "yes" ? t("yes") : t("no"),
      String(row.transactions),
      eur(Number(row.net_cents)),
      rule(row),
    ]),
  );
  doc.font("Helvetica-Bold").fontSize(11).text(t("byMonth"), MARGIN, undefined, { width }).moveDown(0.2);
  table(
    [
      { title: t("colMonth"), width: 0.34 },
      { title: t("colCount"), width: 0.16, align: "right" },
      { title: t("colAmount"), width: 0.25, align: "right" },
      { title: t("colCumulative"), width: 0.25, align: "right" },
    ],
    months.map((row) => [
      String(row.label),
      String(row.transactions),
      eur(Number(row.net_cents)),
      eur(Math.round(Number(row.cumulative_counted_eur) * 100)),
    ]),
  );

  // The crossing and its remediation
  heading(t("crossingTitle"));
  const { crossing, remediation, participation } = dashboard;
  if (crossing) {
    paragraph(
      t("crossing", {
        limit: eur(statement.limitCents),
        date: day(crossing.date),
        invoice: crossing.invoice.number,
        before: eur(crossing.runningTotalBeforeCents),
        after: eur(crossing.runningTotalAfterCents),
      }),
    );
    if (crossing.whileParticipating) paragraph(t("crossingWhileParticipating"));
  } else {
    paragraph(t("noCrossing", { year: statement.year }));
  }
  const deregistration = participation?.deregistration;
  if (deregistration) {
    paragraph(
      t("deregistration", {
        date: day(deregistration.endDate),
        state: deregistration.sentOn ? t("deregistrationSent", { date: day(deregistration.sentOn) }) : t("deregistrationOpen"),
      }),
    );
  }
  if (remediation) {
    doc
      .font("Helvetica-Bold")
      .fontSize(11)
      .text(t("remediationTitle", { date: day(remediation.crossing.date) }), MARGIN, undefined, { width })
      .moveDown(0.2);
    paragraph(
      t("remediation", {
        count: remediation.lineCount,
        reinvoice: eur(remediation.reinvoiceVatCents),
        absorbed: eur(remediation.absorbedVatCents),
        net: eur(remediation.netCents),
      }),
    );
  } else if (crossing) {
    paragraph(t("noRemediation"));
  }

  // The filing figures: EU-KOR quarterly report and notice, ICP and OSS
  drawFilingFigures({ layout: { heading, subheading, paragraph, table, eur, day }, language, euKor: business.euKor, reports, icpOss });

  // The VAT-return figures of the periods outside the KOR
  drawVatReturns({
    layout: { heading, subheading, paragraph, table, eur, day, euros: (value) => wholeEuros.format(value) },
    language,
    year: statement.year,
    returns: vatReturns,
  });

  // The deadlines (options such as a voluntary deregistration's effective date are not deadlines)
  heading(t("deadlinesTitle"));
  const deadlines = dashboard.deadlines.filter((deadline) => !deadline.choice);
  if (deadlines.length === 0) paragraph(t("noDeadlines"));
  for (const deadline of deadlines) {
    const state = deadline.doneOn
      ? deadlineWords(deadline.kind === "EU_KOR_NOTIFY_BY" ? "doneOn" : "filedOn", { date: day(deadline.doneOn) })
      : deadline.daysLate !== null
        ? t("late", { days: deadline.daysLate })
        : deadline.past
          ? t("past")
          : null;
    doc
      .font("Helvetica-Bold")
      .fontSize(10)
      .text(
        `${t("deadline", { date: day(deadline.date), kind: kindLabel(deadline.kind) })}${state ? ` (${state})` : ""}`,
        MARGIN,
        undefined,
        { width },
      );
    paragraph(
      `${deadline.messages[language]} ${t("rule", { rule: deadline.rule })}${deadline.interpretation ? ` (${t("interpretation")})` : ""}.`,
    );
  }

  doc
    .moveDown(1)
    .font("Helvetica-Oblique")
    .fontSize(8)
    .fillColor("#475569")
    .text(t("footer", { business: business.name }), MARGIN, undefined, { width });
  doc.end();
  return done;
}
