// The account mails of registration in the user's language: the verification link, and
// the note to an address's holder that someone tried to register it. Texts live in
// verification.json (nl and en).
import nlMessages from "@/lib/platform/i18n/messages/nl/verification.json";
import enMessages from "@/lib/platform/i18n/messages/en/verification.json";

export type AccountMailLocale = "nl" | "en";
export type RenderedAccountMail = { subject: string; text: string; html: string };

const TEXTS = { nl: nlMessages.verification, en: enMessages.verification };

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

export function renderVerificationMail(options: {
  locale: AccountMailLocale;
  name: string;
  link: string;
  hours: number;
}): RenderedAccountMail {
  const t = TEXTS[options.locale].mail;
  const greeting = fill(t.greeting, { name: options.name });
  const validity = fill(t.validity, { hours: options.hours });
  const text = [greeting, "", t.intro, "", options.link, "", validity, t.notYou, "", t.signature].join("\n");
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(t.intro)}</p>`,
    `<p><a href="${escapeHtml(options.link)}">${escapeHtml(t.button)}</a></p>`,
    `<p>${escapeHtml(t.linkFallback)}<br>${escapeHtml(options.link)}</p>`,
    `<p>${escapeHtml(validity)} ${escapeHtml(t.notYou)}</p>`,
    `<p>${escapeHtml(t.signature)}</p>`,
  ].join("\n");
  return { subject: t.subject, text, html };
}

export function renderRegistrationAttemptMail(options: {
  locale: AccountMailLocale;
  name: string;
  loginUrl: string;
  resetUrl: string;
}): RenderedAccountMail {
  const t = TEXTS[options.locale].attemptMail;
  const greeting = fill(t.greeting, { name: options.name });
  const text = [
    greeting,
    "",
    t.intro,
    "",
    `${t.login} ${options.loginUrl}`,
    `${t.reset} ${options.resetUrl}`,
    "",
    t.notYou,
    "",
    t.signature,
  ].join("\n");
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(t.intro)}</p>`,
    `<p>${escapeHtml(t.login)} <a href="${escapeHtml(options.loginUrl)}">${escapeHtml(options.loginUrl)}</a><br>`,
    `${escapeHtml(t.reset)} <a href="${escapeHtml(options.resetUrl)}">${escapeHtml(options.resetUrl)}</a></p>`,
    `<p>${escapeHtml(t.notYou)}</p>`,
    `<p>${escapeHtml(t.signature)}</p>`,
  ].join("\n");
  return { subject: t.subject, text, html };
}
