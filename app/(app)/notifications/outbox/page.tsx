import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/platform/auth/current-user";
import { listSentMails } from "@/lib/features/notifications/list-sent-mails";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("outboxTitle") };
}

export default async function OutboxPage() {
  const user = await requireUser();
  const [t, format, mails] = await Promise.all([
    getTranslations("notifications"),
    getFormatter(),
    listSentMails({ caller: { userId: user.id } }),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold">{t("outboxTitle")}</h1>
        <Link href="/notifications" className="text-sm text-brand-700 underline">
          {t("title")}
        </Link>
      </div>
      <p className="max-w-3xl text-slate-700">{t("outboxIntro")}</p>
      {mails.length === 0 ? (
        <p className="text-slate-700">{t("outboxEmpty")}</p>
      ) : (
        <ul aria-label={t("outboxTitle")} className="space-y-4">
          {mails.map((mail) => (
            <Card as="li" padding="compact" key={mail.id}>
              <article aria-labelledby={`mail-${mail.id}`} className="space-y-2">
                <h2 id={`mail-${mail.id}`} className="font-semibold">
                  {mail.subject}
                </h2>
                <p className="text-sm text-slate-700">
                  {t("outboxTo")}: {mail.toAddress} · {t("outboxStatus")}:{" "}
                  {t(`status.${mail.status === "SENT" && mail.transport === "outbox" ? "STORED" : mail.status}`)} ·{" "}
                  <time dateTime={mail.sentAt ?? mail.createdAt}>
                    {format.dateTime(new Date(mail.sentAt ?? mail.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                  {mail.attempts > 1 ? ` · ${t("outboxAttempts", { count: mail.attempts })}` : ""}
                </p>
                {mail.lastError ? <p className="text-sm text-red-800">{t("outboxLastError", { error: mail.lastError })}</p> : null}
                <iframe
                  title={mail.subject}
                  sandbox=""
                  srcDoc={mail.htmlBody}
                  className="h-96 w-full rounded border border-slate-200 bg-white"
                />
                <details>
                  <summary className="cursor-pointer text-sm text-brand-700">{t("outboxShowText")}</summary>
                  <pre className="mt-2 whitespace-pre-wrap text-sm">{mail.textBody}</pre>
                </details>
              </article>
            </Card>
          ))}
        </ul>
      )}
    </div>
  );
}
