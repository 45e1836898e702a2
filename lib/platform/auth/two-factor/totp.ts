// Time-based one-time codes (RFC 6238: 6 digits, 30 s, SHA-1, what every authenticator app
// reads) with otplib. A code is accepted one step either side of now (clock drift), and
// only for a time step after the last one accepted, so a seen code cannot be used again.
// The secret is stored encrypted (AES-256-GCM) with a key derived from the auth secret:
// a copy of the database alone does not give the codes.
import crypto from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { authSecret } from "@/lib/platform/auth/secret";

const ISSUER = "Drempel";
const CODE = /^\d{6}$/;

export const newTotpSecret = (): string => generateSecret();

/** Digits only: spaces and dashes people type between groups are dropped. */
export const normaliseTotpCode = (code: string): string => code.replace(/[\s-]/g, "");

export const looksLikeTotpCode = (code: string): boolean => CODE.test(normaliseTotpCode(code));

/** The time step a valid code belongs to, or null: wrong, malformed, or not after `afterStep`. */
export async function verifyTotpCode(options: {
  secret: string;
  code: string;
  afterStep?: number | null;
  now?: Date;
}): Promise<number | null> {
  const token = normaliseTotpCode(options.code);
  if (!CODE.test(token)) return null;
  try {
    const result = await verify({
      secret: options.secret,
      token,
      epochTolerance: 30,
      epoch: Math.floor((options.now ?? new Date()).getTime() / 1000),
      ...(options.afterStep != null ? { afterTimeStep: options.afterStep } : {}),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** What the user's authenticator app reads: the otpauth:// URI, as an SVG QR code too. */
export async function totpEnrolment(options: { secret: string; accountName: string }): Promise<{ uri: string; qrSvg: string }> {
  const uri = generateURI({ issuer: ISSUER, label: options.accountName, secret: options.secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { uri, qrSvg };
}

function key(): Buffer {
  return crypto.createHash("sha256").update(`drempel-totp-secret\n${authSecret()}`).digest();
}

export function sealTotpSecret(secret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `v1.${iv.toString("base64url")}.${sealed.toString("base64url")}.${cipher.getAuthTag().toString("base64url")}`;
}

/** The secret, or null when it cannot be opened (another auth secret, or tampered with). */
export function openTotpSecret(stored: string | null | undefined): string | null {
  const [version, iv, sealed, tag] = (stored ?? "").split(".");
  if (version !== "v1" || !iv || !sealed || !tag) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
