"use server";
// The calendar feed's section of the account page: a new secret URL (shown once) and
// revoking it. Open while a firm's two-factor requirement is unmet, like the page.
import { runAction, type ActionResult } from "@/lib/platform/action-result";
import { requireCaller } from "@/lib/platform/auth/current-user";
import { calendarFeedPath } from "@/lib/features/calendar/feed-secret";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/features/calendar/manage-calendar-feed";
import { appBaseUrl } from "@/lib/platform/mail/app-url";

const OPEN = { allowTwoFactorSetup: true };

export async function createCalendarFeedAction(): Promise<ActionResult<{ url: string }>> {
  return runAction(async () => {
    const { secret } = await createCalendarFeed({ caller: await requireCaller(OPEN) });
    return { url: `${appBaseUrl()}${calendarFeedPath(secret)}` };
  });
}

export async function revokeCalendarFeedAction(): Promise<ActionResult<null>> {
  return runAction(async () => {
    await revokeCalendarFeed({ caller: await requireCaller(OPEN) });
    return null;
  });
}
