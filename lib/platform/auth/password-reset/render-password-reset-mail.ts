// The password reset mail in the user's language: the link, how long it works, and what
// to do when the user did not ask for it. Texts live in account.json (nl and en).
import nlMessages from "@/lib/platform/i18n/messages/nl/account.json";
import enMessages from "@/lib/platform/i18n/messages/en/account.json";

export type ResetMailLocale = "nl" | "en";
export type RenderedResetMail = { subject: string; text: string; html: string };

const TEXTS = { nl: nlMessages.account.resetMail, en: enMessages.account.resetMail };

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

export function renderPasswordResetMail(options: {
  locale: ResetMailLocale;
  name: string;
  link: string;
  minutes: number;
}): RenderedResetMail {
  const t = TEXTS[options.locale];
  const values = { name: options.name, minutes: options.minutes };
  const greeting = fill(t.greeting, values);
  const intro = fill(t.intro, values);
  const validity = fill(t.validity, values);
  const text = [greeting, "", intro, "", options.link, "", validity, t.notYou, "", t.signature].join("\n");
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p><a href="${escapeHtml(options.link)}">${escapeHtml(t.button)}</a></p>`,
    `<p>${escapeHtml(t.linkFallback)}<br>${escapeHtml(options.link)}</p>`,
    `<p>${escapeHtml(validity)} ${escapeHtml(t.notYou)}</p>`,
    `<p>${escapeHtml(t.signature)}</p>`,
  ].join("\n");
  return { subject: t.subject, text, html };
}
