// The login page asks here for a passkey challenge (WebAuthn request options) before it
// calls navigator.credentials.get(); the answer goes to next-auth's "passkey" provider.
import { clientIp } from "@/lib/platform/auth/options";
import { startPasskeyLogin } from "@/lib/platform/auth/passkeys/passkeys";
import { isAppError } from "@/lib/platform/errors";

export async function POST(request: Request): Promise<Response> {
  try {
    const result = await startPasskeyLogin({ ip: clientIp(request.headers) });
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (isAppError(error)) {
      const headers: Record<string, string> = error.retryAfterSeconds ? { "retry-after": String(error.retryAfterSeconds) } : {};
      return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers });
    }
    throw error;
  }
}
