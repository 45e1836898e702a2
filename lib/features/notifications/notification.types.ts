// What the notification centre and the outbox page show, and the settings form's schema.
import { z } from "zod";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/features/alerts/notification-kinds";
import type { AlertDetails } from "@/lib/features/alerts/select-alerts";
import type { AlertLevel, Bilingual } from "@/lib/kor";

export type NotificationDto = {
  id: string;
  businessId: string;
  businessName: string;
  code: NotificationKind;
  level: AlertLevel;
  /** The alert's own date (the crossing invoice's date, or the deadline). */
  date: string;
  details: AlertDetails;
  messages: Bilingual;
  read: boolean;
  createdAt: string;
};

export type SentMailDto = {
  id: string;
  kind: "ALERT_EMAIL" | "DIGEST_EMAIL";
  status: "PENDING" | "SENDING" | "SENT" | "FAILED";
  /** "outbox" when no SMTP server is configured: the mail was kept, not sent. */
  transport: string | null;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

export type NotificationSettingsDto = { dailyDigest: boolean; mutedKinds: NotificationKind[] };

export const notificationSettingsSchema = z.object({
  dailyDigest: z.boolean(),
  mutedKinds: z.array(z.enum(NOTIFICATION_KINDS as [NotificationKind, ...NotificationKind[]])).max(NOTIFICATION_KINDS.length),
});
