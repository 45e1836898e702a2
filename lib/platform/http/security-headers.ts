// Security headers of every page and API response. A page's Content-Security-Policy
// allows scripts only from this origin and with this request's nonce (no 'unsafe-inline'
// scripts); Next.js reads the nonce from the request's CSP header and stamps its own
// inline scripts with it. Styles may be inline: React and the charts set style attributes.
// API responses (JSON, CSV, next-auth's endpoints) run no script at all, so their policy
// is fixed and next.config.ts sends it without the per-request proxy (proxy.ts), which
// cost an API request about 1 ms of CPU (bench/invoices.ts).

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced bootstrap load Next's chunks; dev needs eval for HMR.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(options: { production: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(options.production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** The fixed policy of /api responses: nothing may run; next-auth's error page keeps its inline style. */
export const API_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Every /api response's security headers, for next.config.ts's headers(). */
export function apiSecurityHeaders(options: { production: boolean }): { key: string; value: string }[] {
  return Object.entries({ "Content-Security-Policy": API_CONTENT_SECURITY_POLICY, ...securityHeaders(options) }).map(([key, value]) => ({
    key,
    value,
  }));
}
