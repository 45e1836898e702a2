// The invitation mail, in Dutch and English (the invitee may have no account, so no
// language of theirs is known), with the link that carries the invitation's single-use
// token. Queued in the outbox with the invitation (kind INVITATION_EMAIL); the worker
// redacts the body once an SMTP server took it.
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function invitationLink(baseUrl: string, token: string): string {
  return `${baseUrl}/invitation?token=${encodeURIComponent(token)}`;
}

export function renderInvitationMail(options: {
  businessName: string;
  inviterName: string | null;
  access: "READ_ONLY" | "READ_WRITE";
  expiresAt: Date;
  link: string;
}) {
  const level = options.access === "READ_ONLY" ? "alleen lezen / read only" : "lezen en facturen registreren / read and register invoices";
  const until = options.expiresAt.toISOString().slice(0, 10);
  const lines = [
    `${options.inviterName ?? "Een eigenaar"} nodigt je uit als boekhouder van ${options.businessName} (${level}).`,
    `${options.inviterName ?? "An owner"} invites you as accountant of ${options.businessName} (${level}).`,
    "",
    `Accepteren of weigeren / accept or decline (tot / until ${until}):`,
    options.link,
    "",
    "Log in (of maak een account) met dit e-mailadres en bevestig het; de link werkt één keer.",
    "Log in (or create an account) with this email address and confirm it; the link works once.",
  ];
  const text = lines.join("\n");
  const html = lines
    .map((line) => (line === options.link ? `<p><a href="${escapeHtml(line)}">${escapeHtml(line)}</a></p>` : `<p>${escapeHtml(line)}</p>`))
    .join("");
  return { subject: `Drempel: uitnodiging / invitation — ${options.businessName}`, text, html };
}
