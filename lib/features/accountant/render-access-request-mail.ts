// The mail to an owner when an accountant asks for access to their business.
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderAccessRequestMail(options: {
  locale: "nl" | "en";
  ownerName: string;
  accountantName: string;
  accountantEmail: string;
  firm: string | null;
  businessName: string;
  settingsUrl: string;
  expiresAt: Date;
}): { subject: string; text: string; html: string } {
  const { ownerName, accountantName, accountantEmail, firm, businessName, settingsUrl } = options;
  const until = options.expiresAt.toISOString().slice(0, 10);
  const who = `${accountantName} (${accountantEmail}${firm ? `, ${firm}` : ""})`;
  const lines =
    options.locale === "en"
      ? [
          `Hello ${ownerName},`,
          `${who} asks for accountant access to ${businessName}.`,
          `Approve (read only, or read and register invoices) or reject it in the business settings until ${until}: ${settingsUrl}`,
          "Did you not expect this? Reject it; nothing changes until you approve.",
        ]
      : [
          `Hallo ${ownerName},`,
          `${who} vraagt toegang als boekhouder tot ${businessName}.`,
          `Keur goed (alleen lezen, of lezen en facturen registreren) of wijs af in de instellingen van je bedrijf, tot ${until}: ${settingsUrl}`,
          "Verwachtte je dit niet? Wijs het af; er verandert niets tot je goedkeurt.",
        ];
  const subject =
    options.locale === "en"
      ? `Drempel: ${accountantName} asks for access to ${businessName}`
      : `Drempel: ${accountantName} vraagt toegang tot ${businessName}`;
  return { subject, text: lines.join("\n"), html: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("") };
}
