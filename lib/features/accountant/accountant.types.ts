// The boundary of the accountant's view: invitations, access levels and the client
// overview's query string and rows.
import { z } from "zod";
import { isValidKvkNumber, normaliseKvkNumber } from "@/lib/features/businesses/identifiers";
import type { DeadlineKind, ISODate } from "@/lib/kor";

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

export type BusinessAccountantDto = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  firm: string | null;
  access: AccessLevel;
  since: string;
};

export type MyInvitationDto = {
  id: string;
  businessId: string;
  businessName: string;
  access: AccessLevel;
  invitedBy: string | null;
  expiresAt: string;
};

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

export const SORT_KEYS = [
  "risk",
  "name",
  "counted",
  "percent",
  "status",
  "crossing",
  "union",
  "deadline",
  "lastInvoice",
  "alerts",
] as const;
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

// ---------------------------------------------------------------------------------------
// An accountant asks a business for access; an owner approves or rejects.

/** How long an accountant's request stays open. */
export const ACCESS_REQUEST_DAYS = 14;
/** How long the accountant's own list shows a request (open, decided or expired); older ones are deleted. */
export const ACCESS_REQUEST_HISTORY_DAYS = 60;
/** Requests per accountant per hour (hitRateLimit). */
export const ACCESS_REQUEST_LIMIT = 10;
export const ACCESS_REQUEST_WINDOW_SECONDS = 3_600;

export const requestAccessSchema = z.object({
  kvkNumber: z.string("validation.kvkNumber").transform(normaliseKvkNumber).refine(isValidKvkNumber, "validation.kvkNumber"),
  ownerEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.union([z.literal(""), z.email("validation.email")]))
    .optional()
    .transform((value) => value || null),
});
export const decideAccessRequestSchema = z.object({
  approve: z.boolean("validation.invalid"),
  access: accessLevelSchema.default("READ_ONLY"),
});

/**
 * What the accountant sees of their own request: only what they typed, and "open" until it
 * expires, is withdrawn or approved — a rejected or unmatched request looks the same as a
 * pending one, so the list cannot tell whether a KVK number uses Drempel.
 */
export type MyAccessRequestDto = {
  id: string;
  kvkNumber: string;
  ownerEmail: string | null;
  status: "open" | "approved" | "withdrawn" | "expired";
  expiresAt: string;
  createdAt: string;
};
export type BusinessAccessRequestDto = {
  id: string;
  accountantName: string;
  accountantEmail: string;
  firm: string | null;
  expiresAt: string;
  createdAt: string;
};

// ---------------------------------------------------------------------------------------
// Firms: accountants of one firm may share clients with each other.

export const createFirmSchema = z.object({
  name: z.string("validation.required").trim().min(1, "validation.required").max(120, "validation.tooLong"),
});
export const addFirmColleagueSchema = z.object({
  email: z.string("validation.email").trim().toLowerCase().pipe(z.email("validation.email")),
});
export const shareClientSchema = z.object({ colleagueId: z.uuid("validation.invalid"), access: accessLevelSchema.default("READ_ONLY") });
export type FirmRole = "ADMIN" | "MEMBER";
export type FirmDto = {
  id: string;
  name: string;
  role: FirmRole;
  members: { userId: string; name: string; email: string; role: FirmRole }[];
};
