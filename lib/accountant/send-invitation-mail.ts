// The invitation mail, sent once, best effort, through the mail transport of lib/mail.
// Without SMTP_URL that transport keeps nothing: the invitation is then only in the app
// (on the invitee's /accountant page). A failed send never undoes the invitation.
import { appBaseUrl } from "@/lib/mail/app-url";
import { transportFromEnv } from "@/lib/mail/transport";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function sendInvitationMail(options: { to: string; businessName: string; inviterName: string | null; access: "READ_ONLY" | "READ_WRITE"; expiresAt: Date }): Promise<void> {
  const link = `${appBaseUrl()}/accountant`;
  const level = options.access === "READ_ONLY" ? "alleen lezen / read only" : "lezen en facturen registreren / read and register invoices";
  const until = options.expiresAt.toISOString().slice(0, 10);
  const text = [
    `${options.inviterName ?? "Een eigenaar"} nodigt je uit als boekhouder van ${options.businessName} (${level}).`,
    `${options.inviterName ?? "An owner"} invites you as accountant of ${options.businessName} (${level}).`,
    "",
    `Accepteren of weigeren / accept or decline (tot / until ${until}): ${link}`,
  ].join("\n");
  const html = text
    .split("\n")
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join("");
  try {
    await transportFromEnv().send({ to: options.to, subject: `Drempel: uitnodiging / invitation — ${options.businessName}`, text, html });
  } catch (error) {
    console.error("accountant invitation mail failed", (error as Error).message);
  }
}
