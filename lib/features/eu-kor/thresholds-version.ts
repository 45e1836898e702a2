// The version of the stored member-state thresholds (reference data every engine input
// carries; an operator changes them with `npm run thresholds:set`): their number and latest
// change, as one text. Whatever keeps work derived from the books (lib/features/books/read-books.ts,
// the dashboard's page fingerprint) keys it by this beside the books version, so an
// operator's change shows at once on every instance.
import { Prisma } from "@/lib/platform/db/generated/prisma/client";

/** A scalar subquery: one text that changes whenever a threshold is added, changed or removed. */
export const THRESHOLDS_VERSION = `(SELECT count(*)::text || '/' || coalesce(max(t."updatedAt")::text, '') FROM "MemberStateThreshold" t)`;

/** THRESHOLDS_VERSION as a fragment of a Prisma.sql statement. */
export const thresholdsVersionSql = Prisma.raw(THRESHOLDS_VERSION);
