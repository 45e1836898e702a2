-- Row-level security for the tables added beside the row_level_security migration
-- (hand-written; the policies follow its conventions, see its section 3).

-- Investment goods and the accountant overview's summaries: plain tenant tables.
SELECT drempel_enable_tenant_rls('"InvestmentGood"');
SELECT drempel_enable_tenant_rls('"BusinessYearSummary"');

-- Access requests: the asked business's members see and decide them; the asking
-- accountant sees and withdraws its own, and may file one for a business it cannot see
-- (the business is found by KVK number in system mode).
SELECT drempel_enable_tenant_rls('"AccountantAccessRequest"');
CREATE POLICY own_rows ON "AccountantAccessRequest" FOR ALL
  USING ("accountantId" = drempel_current_user_id())
  WITH CHECK ("accountantId" = drempel_current_user_id());

-- Password reset tokens are the user's own; requesting and using one happens before
-- anyone is logged in, so the application does that in system mode.
ALTER TABLE "PasswordResetToken" ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON "PasswordResetToken" FOR ALL
  USING (drempel_is_system() OR "userId" = drempel_current_user_id())
  WITH CHECK (drempel_is_system() OR "userId" = drempel_current_user_id());

-- Firms: every logged-in accountant may see firms and their members (to be added to one,
-- and to share clients with colleagues); the application restricts who may change them.
ALTER TABLE "Firm" ENABLE ROW LEVEL SECURITY;
CREATE POLICY signed_in ON "Firm" FOR ALL
  USING (drempel_is_system() OR drempel_current_user_id() IS NOT NULL)
  WITH CHECK (drempel_is_system() OR drempel_current_user_id() IS NOT NULL);
ALTER TABLE "FirmMember" ENABLE ROW LEVEL SECURITY;
CREATE POLICY signed_in ON "FirmMember" FOR ALL
  USING (drempel_is_system() OR drempel_current_user_id() IS NOT NULL)
  WITH CHECK (drempel_is_system() OR drempel_current_user_id() IS NOT NULL);
