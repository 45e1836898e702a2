// Public: the page an unsubscribe link in a mail opens. Nothing changes on GET (link
// scanners open links); the person confirms with one button.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { isAppError } from "@/lib/platform/errors";
import { readUnsubscribeToken, type UnsubscribeTarget } from "@/lib/features/notifications/unsubscribe";
import { unsubscribeAction } from "@/lib/features/notifications/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("unsubscribe.title"), robots: { index: false } };
}

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations("notifications");
  const token = typeof params.token === "string" ? params.token : "";
  let target: UnsubscribeTarget | null = null;
  try {
    target = params.invalid ? null : await readUnsubscribeToken(token);
  } catch (error) {
    if (!isAppError(error)) throw error;
  }
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-12">
      <h1 className="text-2xl font-bold">{t("unsubscribe.title")}</h1>
      {!target ? (
        <p role="status" className="text-red-800">
          {t("unsubscribe.invalid")}
        </p>
      ) : params.done ? (
        <p role="status">{t("unsubscribe.done", { kind: t(`kinds.${target.kind}`) })}</p>
      ) : (
        <form action={unsubscribeAction} className="space-y-4">
          <p>{t("unsubscribe.confirm", { kind: t(`kinds.${target.kind}`), email: target.email })}</p>
          <input type="hidden" name="token" value={token} />
          <Button type="submit">{t("unsubscribe.button")}</Button>
        </form>
      )}
    </main>
  );
}
