// Formatting for the client charts: the same helpers as the server side, plus the locale mapping.
export { formatCents, formatDate, formatEuroWhole, formatPercent, monthName } from "./format";
export { toLanguage } from "@/components/invoices/format";
