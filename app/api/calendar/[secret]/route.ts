// A user's calendar feed (iCalendar) by its secret URL, for calendar apps: no session. An
// unknown or revoked secret answers 404; the deadlines are read as the feed's user under
// row-level security (lib/features/calendar/get-calendar-feed.ts).
import { methodNotAllowed } from "@/lib/platform/api/api-route";
import { getCalendarFeed } from "@/lib/features/calendar/get-calendar-feed";
import { env } from "@/lib/platform/env";
import { isAppError } from "@/lib/platform/errors";
import { clientIpFromHeaders } from "@/lib/platform/http/client-address";
import { appBaseUrl } from "@/lib/platform/mail/app-url";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ secret: string }> }): Promise<Response> {
  const { secret } = await params;
  const headers = { "cache-control": "no-store", "referrer-policy": "no-referrer" };
  try {
    const ics = await getCalendarFeed({
      secret: secret.replace(/\.ics$/, ""),
      appUrl: appBaseUrl(),
      ip: clientIpFromHeaders(request.headers, env().trustedProxies),
    });
    if (ics === null) return new Response("Not found", { status: 404, headers });
    return new Response(ics, {
      headers: { ...headers, "content-type": "text/calendar; charset=utf-8", "content-disposition": 'inline; filename="drempel.ics"' },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "RATE_LIMITED") {
      return new Response("Too many requests", {
        status: 429,
        headers: { ...headers, "retry-after": String(error.retryAfterSeconds ?? 60) },
      });
    }
    throw error;
  }
}

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
