// API error texts the web app recognises to show its own translation (the API speaks
// English; the app's components import this module, so it holds constants only).
export const CROSS_SITE_REFUSED = "Cross-site request refused; use an API token";
