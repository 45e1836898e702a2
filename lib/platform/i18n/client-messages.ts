// The messages the browser receives. Server components translate on the server, so only
// what client components translate needs to travel: the namespaces their useTranslations
// reads (client-messages.test.ts scans every "use client" file for the keys it uses), and
// the namespaces whose keys the server sends to forms as field and form messages. All
// messages were 43 KB of every page's payload, about two thirds of a small page.
import type { AbstractIntlMessages } from "next-intl";

const CLIENT_NAMESPACES = [
  "common",
  "nav",
  "auth",
  "account",
  "security",
  "accountant",
  "verification",
  "apiTokens",
  "members",
  "businesses",
  "businessForm",
  "settings",
  "invoiceForm",
  "importCsv",
  "bank",
  // The e-invoice wizard, and the field problems and notes of its preview rows.
  "importEInvoices",
  "errors",
  "validation",
  "purchases",
  "vatReturn",
] as const;

/** Of the dashboard, only the two planners are client components (and share its column names). */
const CLIENT_DASHBOARD_PARTS = ["comparison", "revision", "col"] as const;

export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const namespace of CLIENT_NAMESPACES) if (messages[namespace] !== undefined) picked[namespace] = messages[namespace];
  const dashboard = messages.dashboard;
  if (dashboard && typeof dashboard === "object") {
    picked.dashboard = Object.fromEntries(
      CLIENT_DASHBOARD_PARTS.filter((part) => dashboard[part] !== undefined).map((part) => [part, dashboard[part]!]),
    );
  }
  return picked;
}
