// One-click unsubscribe (RFC 8058) for mail clients' List-Unsubscribe button: a POST with
// the signed token unsubscribes that user from that kind; no session needed. A GET (a
// person who opened the header's link) goes to the confirmation page.
import { NextResponse, type NextRequest } from "next/server";
import { isAppError } from "@/lib/platform/errors";
import { unsubscribe } from "@/lib/features/notifications/unsubscribe";

export async function POST(request: NextRequest): Promise<Response> {
  try {
    await unsubscribe({ token: request.nextUrl.searchParams.get("token") });
    return NextResponse.json({ unsubscribed: true });
  } catch (error) {
    if (isAppError(error)) return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: error.status });
    throw error;
  }
}

export function GET(request: NextRequest): Response {
  const target = new URL("/unsubscribe", request.nextUrl);
  target.searchParams.set("token", request.nextUrl.searchParams.get("token") ?? "");
  return NextResponse.redirect(target, 303);
}
