// What a server action returns to a form: success with data, or the AppError's code,
// message and field messages (i18n keys) — never a stack trace.
import { isAppError, type AppErrorCode } from "@/lib/errors";

export type ActionError = { code: AppErrorCode; message: string; fields: Record<string, string>; retryAfterSeconds?: number };
export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; error: ActionError };

export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (isAppError(error)) {
      const failure: ActionError = { code: error.code, message: error.message, fields: error.fields ?? {} };
      if (error.retryAfterSeconds) failure.retryAfterSeconds = error.retryAfterSeconds;
      return { ok: false, error: failure };
    }
    console.error("server action failed", error);
    return { ok: false, error: { code: "INTERNAL", message: "Internal error", fields: {} } };
  }
}
