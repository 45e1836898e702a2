// The public base of links in mails: APP_URL, else NEXTAUTH_URL, else localhost:PORT.
import { env } from "@/lib/platform/env";

export function appBaseUrl(): string {
  const { APP_URL, NEXTAUTH_URL, PORT } = env();
  return (APP_URL ?? NEXTAUTH_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, "");
}
