// What a server action returns to a form: success with data, or the AppError's code,
// message and field messages (i18n keys) — never a stack trace. Form actions that return
// nothing (plain <form action>, working without JavaScript) use runFormAction instead.
import { forbidden, notFound, redirect } from "next/navigation";
import { isAppError, type AppErrorCode } from "@/lib/platform/errors";

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

/**
 * For form actions that return nothing: an AppError becomes Next's 404 page (NOT_FOUND),
 * its 403 page (FORBIDDEN, app/forbidden.tsx) or the login page (UNAUTHENTICATED), never
 * a 500. Next's own redirects and not-found signals pass through untouched.
 */
export async function runFormAction<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "NOT_FOUND") notFound();
      if (error.code === "FORBIDDEN") forbidden();
      if (error.code === "UNAUTHENTICATED") redirect("/login");
    }
    throw error;
  }
}
