// Recovery codes: ten single-use codes for a lost authenticator, shown once. Each is 10
// characters from a 31-character alphabet without look-alikes (about 49 random bits); only its
// SHA-256 is stored, which for random codes of that size is enough (guessing is
// rate-limited like the password).
import crypto from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no i, l, o, 0, 1
const LENGTH = 10;

/** A code as shown: two groups of five ("abcde-fghjk"). */
export function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** As typed: case, spaces and dashes do not matter. */
export const normaliseRecoveryCode = (code: string): string => code.toLowerCase().replace(/[\s-]/g, "");

export const hashRecoveryCode = (code: string): string => crypto.createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
