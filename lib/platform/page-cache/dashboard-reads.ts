// What the dashboard page reads, table by table, and how the page cache's fingerprint
// (dashboard-fingerprint.ts) covers each: the one declaration a new dashboard card must
// extend. dashboard-reads.test.ts finds every table read by the code the page's files
// import and fails for one that is not declared here, for a "fingerprint" table the
// fingerprint's SQL does not name, and for a "booksVersion" table without the trigger that
// raises Business.booksVersion (which the fingerprint hashes with the business's row).

/** The page's entry files: the signed-in layout and the dashboard page. */
export const DASHBOARD_PAGE_FILES = ["app/(app)/layout.tsx", "app/(app)/businesses/[businessId]/page.tsx"] as const;

export type Coverage =
  /** Its rows (or the page's own count of them) are hashed by the fingerprint's SQL. */
  | { by: "fingerprint" }
  /** A change raises the business's booksVersion (a database trigger), hashed with the business. */
  | { by: "booksVersion" }
  /** Imported by the page's code but not read while it renders (the reason says when). */
  | { by: "notRendered"; reason: string };

export const DASHBOARD_READS: Record<string, Coverage> = {
  User: { by: "fingerprint" },
  UserSession: { by: "fingerprint" },
  Membership: { by: "fingerprint" },
  Business: { by: "fingerprint" },
  KorParticipation: { by: "fingerprint" },
  InvestmentGood: { by: "fingerprint" },
  Notification: { by: "fingerprint" },
  AccountantInvitation: { by: "fingerprint" },
  // Whether the user's firm requires a two-factor login they have not set up (the guard).
  Passkey: { by: "fingerprint" },
  Firm: { by: "fingerprint" },
  FirmMember: { by: "fingerprint" },
  Invoice: { by: "booksVersion" },
  KorDeregistration: { by: "booksVersion" },
  DeadlineDone: { by: "booksVersion" },
  // The KOR comparison's input VAT and its saved answer.
  Purchase: { by: "booksVersion" },
  KorComparisonChoice: { by: "booksVersion" },
  // Reference data (an operator's `npm run thresholds:set`), hashed by its latest change.
  MemberStateThreshold: { by: "fingerprint" },
  WebAuthnChallenge: {
    by: "notRendered",
    reason: "signing in with a passkey (lib/platform/auth/passkeys), reached through the auth options",
  },
  RecoveryCode: {
    by: "notRendered",
    reason: "signing in with a recovery code (lib/platform/auth/two-factor), reached through the auth options",
  },
  RateLimit: { by: "notRendered", reason: "signing in (lib/platform/auth/authenticate.ts), reached through the auth options" },
};
