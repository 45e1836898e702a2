// The boundary of the accountant's view: invitations, access levels and the client
// overview's query string and rows.
import { z } from "zod";
import type { DeadlineKind, ISODate } from "@/lib/kor/types";

/** How long an owner's invitation stays open. */
export const INVITATION_DAYS = 14;

export const accessLevelSchema = z.enum(["READ_ONLY", "READ_WRITE"], "validation.invalid");

export const inviteAccountantSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("validation.email")),
  access: accessLevelSchema.default("READ_ONLY"),
});

export const changeAccountantAccessSchema = z.object({ access: accessLevelSchema });

export type AccessLevel = z.infer<typeof accessLevelSchema>;

export type BusinessInvitationDto = { id: string; email: string; access: AccessLevel; expiresAt: string; createdAt: string };

export type BusinessAccountantDto = { membershipId: string; userId: string; name: string; email: string; firm: string | null; access: AccessLevel; since: string };

export type MyInvitationDto = { id: string; businessId: string; businessName: string; access: AccessLevel; invitedBy: string | null; expiresAt: string };

/** safe < approaching < projected (to cross this year) < crossed; notInKor apart. */
export const CLIENT_STATUSES = ["crossed", "projected", "approaching", "safe", "notInKor"] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export type ClientRow = {
  businessId: string;
  name: string;
  kvkNumber: string | null;
  access: AccessLevel;
  countedCents: number;
  limitCents: number;
  /** Counted turnover as a percentage of the KOR limit, one decimal. */
  percent: number;
  status: ClientStatus;
  /** The real crossing date when crossed, else the projected one; null when none this year. */
  crossingDate: ISODate | null;
  /** EU-KOR users only: Union turnover against the €100,000 limit. */
  union: { cents: number; limitCents: number; percent: number } | null;
  nextDeadline: { kind: DeadlineKind; date: ISODate } | null;
  /** Deadlines from today up to and including six days on. */
  deadlinesThisWeek: number;
  lastInvoiceDate: ISODate | null;
  /** The engine's alerts of this year. */
  openAlerts: number;
};

export const SORT_KEYS = ["risk", "name", "counted", "percent", "status", "crossing", "union", "deadline", "lastInvoice", "alerts"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The overview's query string; anything unknown falls back to the default. */
export const overviewQuerySchema = z.object({
  sort: z.preprocess(one, z.enum(SORT_KEYS).catch("risk")).default("risk"),
  dir: z.preprocess(one, z.enum(["asc", "desc"]).catch("asc")).default("asc"),
  status: z.preprocess(one, z.enum([...CLIENT_STATUSES, "all"]).catch("all")).default("all"),
  q: z.preprocess(one, z.string().trim().max(100).catch("")).default(""),
  page: z.preprocess(one, z.coerce.number().int().min(1).catch(1)).default(1),
});

export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

export const PAGE_SIZE = 25;

export type OverviewSummary = {
  clients: number;
  byStatus: Record<ClientStatus, number>;
  deadlinesThisWeek: number;
  /** Clients per band of the KOR limit: 0–20%, 20–40% … and 100% or more. */
  distribution: { band: string; from: number; to: number | null; clients: number }[];
};

export type AccountantOverview = {
  asOf: ISODate;
  year: number;
  summary: OverviewSummary;
  /** The page of rows after filter, search and sort. */
  rows: ClientRow[];
  /** Rows matching filter and search, over all pages. */
  matching: number;
  page: number;
  pageCount: number;
};
