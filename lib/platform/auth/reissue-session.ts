// After a password change the session of the browser that made it must live on while
// every other one ends. next-auth 4 keeps the session in a signed, encrypted JWT cookie
// carrying `pwv` (the password version); this writes that cookie anew with the new
// version, the same name, lifetime and flags next-auth uses. Other browsers keep their
// old `pwv` and are refused on their next request (lib/platform/auth/current-user.ts).
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { authOptions } from "@/lib/platform/auth/options";
import { SESSION_COOKIES } from "@/lib/platform/auth/session-cookie";

/** Returns whether a session cookie of this user was found and re-issued. */
export async function reissueSession(options: { userId: string; passwordVersion: number }): Promise<boolean> {
  const jar = await cookies();
  const name = SESSION_COOKIES.find((candidate) => jar.get(candidate)?.value);
  if (!name) return false;
  const secret = authOptions.secret!;
  const token = await decode({ token: jar.get(name)!.value, secret });
  if (!token || token.uid !== options.userId) return false;
  const maxAge = authOptions.session?.maxAge ?? 30 * 24 * 60 * 60;
  const value = await encode({ token: { ...token, pwv: options.passwordVersion }, secret, maxAge });
  jar.set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    expires: new Date(Date.now() + maxAge * 1000),
  });
  return true;
}
