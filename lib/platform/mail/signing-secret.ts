// The key that signs unsubscribe links: ALERT_SECRET, else NEXTAUTH_SECRET, else (demo and
// development) a key generated once beside the data, so web process and worker agree.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/platform/env";

let cached: string | undefined;

export function alertSigningSecret(): string {
  if (cached) return cached;
  const { ALERT_SECRET, NEXTAUTH_SECRET, NODE_ENV, embedded, dataDir } = env();
  if (ALERT_SECRET ?? NEXTAUTH_SECRET) return (cached = (ALERT_SECRET ?? NEXTAUTH_SECRET)!);
  if (NODE_ENV === "production" && !embedded) throw new Error("ALERT_SECRET or NEXTAUTH_SECRET is required to sign unsubscribe links");
  const file = path.join(dataDir, "alert-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return (cached = fs.readFileSync(file, "utf8").trim());
}

/** For tests that change the environment. */
export function resetAlertSigningSecret(): void {
  cached = undefined;
}
