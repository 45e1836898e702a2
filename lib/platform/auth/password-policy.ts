// The one password policy of registration, password change and reset: at least
// PASSWORD_MIN_LENGTH characters, not guessable by zxcvbn's estimate (the common-password
// lists, keyboard walks, repeats, sequences and dates of @zxcvbn-ts/language-common), and
// not the address's local part in any form. The demo accounts' password is seeded
// directly and never passes through here.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's score 3: about 10^8 guesses or more ("safely unguessable" against online attacks). */
export const PASSWORD_MIN_SCORE = 3;

export type PasswordProblem =
  | "validation.passwordShort"
  | "validation.tooLong"
  | "validation.passwordCommon"
  | "validation.passwordContainsEmail";

// Building the ranked dictionaries takes ~40 ms: once per process, on first use.
let estimator: ZxcvbnFactory | null = null;
const zxcvbn = () => (estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

const localPart = (email: string) => email.trim().toLowerCase().split("@")[0] ?? "";
// "eva.de-vries" and "evadevries" are the same name to a guesser.
const letters = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/** Whether the password is, or contains, the local part of the address (also without its dots and dashes). */
export function passwordContainsEmail(password: string, email: string): boolean {
  const local = localPart(email);
  if (!local) return false;
  const bare = letters(local);
  return password.toLowerCase().includes(local) || (bare.length >= 3 && letters(password).includes(bare));
}

/** The first problem of a password, or null when it passes; `email` is the account's address. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "validation.passwordShort";
  if (password.length > PASSWORD_MAX_LENGTH) return "validation.tooLong";
  const local = context.email ? localPart(context.email) : "";
  if (context.email && passwordContainsEmail(password, context.email)) return "validation.passwordContainsEmail";
  const inputs = [local, ...(context.name ? context.name.split(/\s+/) : []), context.email ?? ""].filter((value) => value.length >= 3);
  if (zxcvbn().check(password, inputs).score < PASSWORD_MIN_SCORE) return "validation.passwordCommon";
  return null;
}
