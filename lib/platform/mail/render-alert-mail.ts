// The mail about one alert, and the daily digest of several, in the recipient's language:
// HTML and plain text with the figures, the deadline, what to do, a link to the business
// and an unsubscribe link per alert kind. Texts live in notifications.json (nl and en).
import type { AlertDetails } from "@/lib/features/alerts/select-alerts";
import type { NotificationKind } from "@/lib/features/alerts/notification-kinds";
import nlMessages from "@/lib/platform/i18n/messages/nl/notifications.json";
import enMessages from "@/lib/platform/i18n/messages/en/notifications.json";
import { formatEuro, formatPercent, periodInWords, type Bilingual } from "@/lib/kor";
import { dateTimeFormat } from "@/lib/platform/i18n/intl-format";

export type MailLocale = "nl" | "en";

const TEXTS = { nl: nlMessages.notifications, en: enMessages.notifications };

/** An alert as stored (BusinessAlert) plus its business, which is all a mail needs. */
export type MailAlert = {
  code: NotificationKind;
  businessId: string;
  businessName: string;
  details: AlertDetails;
  messages: Bilingual;
};

export type RenderedMail = { subject: string; text: string; html: string };

function fill(template: string, values: Record<string, string | number | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export function formatMailDate(iso: string, locale: MailLocale): string {
  return dateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

export function kindLabel(kind: NotificationKind, locale: MailLocale): string {
  return TEXTS[locale].kinds[kind];
}

/** A kind's text, or its late variant (`<code>_LATE`) for a reminder of a deadline already past. */
function variant(texts: Record<string, string>, alert: MailAlert): string {
  const late = alert.details.daysLate !== undefined ? texts[`${alert.code}_LATE`] : undefined;
  return late ?? texts[alert.code]!;
}

function lateDays(days: number, locale: MailLocale): string {
  const words = TEXTS[locale].email.lateDays;
  return days === 1 ? words.one : fill(words.other, { days });
}

/** Values every text of a mail may name. */
function values(alert: MailAlert, locale: MailLocale): Record<string, string | number | undefined> {
  const d = alert.details;
  return {
    business: alert.businessName,
    percent: d.threshold ?? (d.percent === undefined ? undefined : formatPercent(d.percent, locale)),
    invoice: d.invoiceNumber ?? "",
    state: d.state,
    days: d.daysLeft,
    deadline: d.deadline ? formatMailDate(d.deadline, locale) : undefined,
    period: d.period ? periodInWords(d.period, locale) : undefined,
    late: d.daysLate !== undefined ? lateDays(d.daysLate, locale) : undefined,
  };
}

export function alertSubject(alert: MailAlert, locale: MailLocale): string {
  return fill(variant(TEXTS[locale].email.subjects, alert), values(alert, locale));
}

function figureRows(alert: MailAlert, locale: MailLocale): [string, string][] {
  const t = TEXTS[locale].email;
  const d = alert.details;
  const rows: [string, string][] = [];
  if (d.totalCents !== undefined) rows.push([t.turnover, formatEuro(d.totalCents, locale)]);
  if (d.limitCents !== undefined) rows.push([t.limit, formatEuro(d.limitCents, locale)]);
  if (d.percent !== undefined) rows.push([t.share, `${formatPercent(d.percent, locale)}%`]);
  if (d.invoiceNumber)
    rows.push([
      t.invoice,
      fill(t.invoiceLine, { number: d.invoiceNumber, date: d.invoiceDate ? formatMailDate(d.invoiceDate, locale) : "" }),
    ]);
  if (d.state) rows.push([t.state, d.state]);
  if (d.expectedCrossingDate) rows.push([t.expectedCrossing, formatMailDate(d.expectedCrossingDate, locale)]);
  if (d.period) rows.push([t.period, periodInWords(d.period, locale)]);
  if (d.deadline) rows.push([t.deadline, formatMailDate(d.deadline, locale)]);
  return rows;
}

export function dashboardUrl(appUrl: string, businessId: string): string {
  return `${appUrl}/businesses/${businessId}`;
}

type Section = { subject: string; text: string; html: string };

/** One alert's body (without greeting and footer), reused by the digest. */
function alertSection(alert: MailAlert, locale: MailLocale, appUrl: string, headingLevel: "h1" | "h2"): Section {
  const t = TEXTS[locale].email;
  const subject = alertSubject(alert, locale);
  const rows = figureRows(alert, locale);
  const explanation = alert.messages[locale];
  const action = fill(variant(t.actions, alert), values(alert, locale));
  const link = dashboardUrl(appUrl, alert.businessId);
  const linkText = fill(t.openDashboard, { business: alert.businessName });
  const text = [
    explanation,
    "",
    ...(rows.length ? [t.figures, ...rows.map(([label, value]) => `- ${label}: ${value}`), ""] : []),
    t.whatToDo,
    action,
    "",
    `${linkText}: ${link}`,
  ].join("\n");
  const html = [
    `<${headingLevel} style="font-size:18px;margin:16px 0 8px">${escapeHtml(subject)}</${headingLevel}>`,
    `<p>${escapeHtml(explanation)}</p>`,
    rows.length
      ? `<table role="presentation" style="border-collapse:collapse;margin:8px 0"><caption style="text-align:left;font-weight:bold">${escapeHtml(t.figures)}</caption>${rows
          .map(
            ([label, value]) =>
              `<tr><th scope="row" style="text-align:left;padding:2px 12px 2px 0;font-weight:normal;color:#475569">${escapeHtml(label)}</th><td style="padding:2px 0;font-weight:bold">${escapeHtml(value)}</td></tr>`,
          )
          .join("")}</table>`
      : "",
    `<p><strong>${escapeHtml(t.whatToDo)}</strong><br>${escapeHtml(action)}</p>`,
    `<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:8px 14px;border-radius:6px;text-decoration:none">${escapeHtml(linkText)}</a></p>`,
  ].join("\n");
  return { subject, text, html };
}

function page(locale: MailLocale, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:640px;margin:0 auto;padding:16px">${body}</body></html>`;
}

export function renderAlertMail(options: {
  alert: MailAlert;
  recipientName: string;
  locale: MailLocale;
  appUrl: string;
  unsubscribeUrl: string;
}): RenderedMail {
  const { alert, locale, appUrl, unsubscribeUrl } = options;
  const t = TEXTS[locale].email;
  const section = alertSection(alert, locale, appUrl, "h1");
  const greeting = fill(t.greeting, { name: options.recipientName });
  const footer = fill(t.footer, { business: alert.businessName });
  const kind = kindLabel(alert.code, locale);
  const text = [greeting, "", section.text, "", "--", footer, fill(t.unsubscribe, { kind, url: unsubscribeUrl }), ""].join("\n");
  const html = page(
    locale,
    section.subject,
    [
      `<p>${escapeHtml(greeting)}</p>`,
      section.html,
      `<hr style="border:none;border-top:1px solid #e2e8f0;margin:24px 0 8px">`,
      `<p style="font-size:12px;color:#475569">${escapeHtml(footer)}<br><a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(fill(t.unsubscribeLink, { kind }))}</a></p>`,
    ].join("\n"),
  );
  return { subject: section.subject, text, html };
}

export function renderDigestMail(options: {
  alerts: MailAlert[];
  recipientName: string;
  locale: MailLocale;
  appUrl: string;
  unsubscribeUrlOf: (kind: NotificationKind) => string;
}): RenderedMail {
  const { alerts, locale, appUrl } = options;
  const t = TEXTS[locale].email;
  const subject = fill(t.digestSubject, { count: alerts.length });
  const greeting = fill(t.greeting, { name: options.recipientName });
  const sections = alerts.map((alert) => alertSection(alert, locale, appUrl, "h2"));
  const kinds = [...new Set(alerts.map((alert) => alert.code))];
  const unsubscribeLines = kinds.map((kind) => fill(t.unsubscribe, { kind: kindLabel(kind, locale), url: options.unsubscribeUrlOf(kind) }));
  const text = [
    greeting,
    "",
    t.digestIntro,
    "",
    ...sections.flatMap((s) => [`## ${s.subject}`, s.text, ""]),
    "--",
    ...unsubscribeLines,
    "",
  ].join("\n");
  const html = page(
    locale,
    subject,
    [
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>${escapeHtml(t.digestIntro)}</p>`,
      ...sections.map((s) => s.html),
      `<hr style="border:none;border-top:1px solid #e2e8f0;margin:24px 0 8px">`,
      `<p style="font-size:12px;color:#475569">${kinds
        .map(
          (kind) =>
            `<a href="${escapeHtml(options.unsubscribeUrlOf(kind))}">${escapeHtml(fill(t.unsubscribeLink, { kind: kindLabel(kind, locale) }))}</a>`,
        )
        .join("<br>")}</p>`,
    ].join("\n"),
  );
  return { subject, text, html };
}
