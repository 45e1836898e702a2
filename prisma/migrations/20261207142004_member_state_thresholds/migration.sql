-- CreateTable
CREATE TABLE "MemberStateThreshold" (
    "year" INTEGER NOT NULL,
    "state" CHAR(2) NOT NULL,
    "available" BOOLEAN NOT NULL DEFAULT true,
    "thresholdCents" INTEGER,
    "currentYearCeilingCents" INTEGER,
    "localCurrency" CHAR(3),
    "localAmount" INTEGER,
    "localCeilingAmount" INTEGER,
    "ecbRate" DECIMAL(14,6),
    "ecbRateDate" DATE,
    "approximate" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberStateThreshold_pkey" PRIMARY KEY ("year","state")
);

-- Row-level security: reference data every user reads; only system mode (the worker's
-- role, which `npm run thresholds:set` uses) writes.
ALTER TABLE "MemberStateThreshold" ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON "MemberStateThreshold" FOR SELECT USING (true);
CREATE POLICY system_writes ON "MemberStateThreshold" FOR ALL
  USING (drempel_is_system())
  WITH CHECK (drempel_is_system());

-- Seeded from member-state-thresholds.json (lib/kor/member-state-thresholds.ts seedRows()),
-- for each year its values apply to; an integration test compares these rows with seedRows().
INSERT INTO "MemberStateThreshold" ("year", "state", "available", "thresholdCents", "currentYearCeilingCents", "localCurrency", "localAmount", "approximate", "note") VALUES
  (2025, 'AT', true, 5500000, NULL, NULL, NULL, false, NULL),
  (2025, 'BE', true, 2500000, NULL, NULL, NULL, false, NULL),
  (2025, 'BG', true, 8487300, NULL, 'BGN', 166000, true, 'euro adopted in 2026; official euro figure not verified'),
  (2025, 'HR', true, 6000000, NULL, NULL, NULL, false, NULL),
  (2025, 'CY', true, 1560000, NULL, NULL, NULL, false, NULL),
  (2025, 'CZ', true, 7950000, NULL, 'CZK', 2000000, true, 'current-year ceiling not verified'),
  (2025, 'DK', true, 670000, NULL, 'DKK', 50000, true, NULL),
  (2025, 'EE', true, 4000000, NULL, NULL, NULL, false, NULL),
  (2025, 'FI', true, 2000000, NULL, NULL, NULL, false, NULL),
  (2025, 'FR', true, 3750000, 4125000, NULL, NULL, false, 'services; goods and accommodation: 85,000 / 93,500 — sectoral thresholds'),
  (2025, 'DE', true, 2500000, 10000000, NULL, NULL, false, NULL),
  (2025, 'GR', true, 1000000, NULL, NULL, NULL, false, NULL),
  (2025, 'HU', true, 4600000, NULL, 'HUF', 18000000, true, NULL),
  (2025, 'IE', true, 4250000, NULL, NULL, NULL, false, 'services; goods: 85,000 — sectoral thresholds'),
  (2025, 'IT', true, 8500000, 10000000, NULL, NULL, false, NULL),
  (2025, 'LV', true, 5000000, NULL, NULL, NULL, false, NULL),
  (2025, 'LT', true, 4500000, NULL, NULL, NULL, false, NULL),
  (2025, 'LU', true, 5000000, 5500000, NULL, NULL, false, NULL),
  (2025, 'MT', true, 3500000, NULL, NULL, NULL, false, 'other sectoral thresholds not verified'),
  (2025, 'NL', true, 2000000, NULL, NULL, NULL, false, 'the domestic KOR; NL is not an EU-KOR state for a business established in NL'),
  (2025, 'PL', true, 5600000, NULL, 'PLN', 240000, true, 'PLN 200,000 in 2025; PLN 240,000 from 2026'),
  (2025, 'PT', true, 1500000, NULL, NULL, NULL, false, NULL),
  (2025, 'RO', true, 7800000, NULL, 'RON', 395000, true, 'RON 300,000 until 31 August 2025'),
  (2025, 'SK', true, 5000000, 6250000, NULL, NULL, false, NULL),
  (2025, 'SI', true, 6000000, 6600000, NULL, NULL, false, NULL),
  (2025, 'ES', false, NULL, NULL, NULL, NULL, false, NULL),
  (2025, 'SE', true, 1050000, NULL, 'SEK', 120000, true, NULL),
  (2026, 'AT', true, 5500000, NULL, NULL, NULL, false, NULL),
  (2026, 'BE', true, 2500000, NULL, NULL, NULL, false, NULL),
  (2026, 'BG', true, 8487300, NULL, 'BGN', 166000, true, 'euro adopted in 2026; official euro figure not verified'),
  (2026, 'HR', true, 6000000, NULL, NULL, NULL, false, NULL),
  (2026, 'CY', true, 1560000, NULL, NULL, NULL, false, NULL),
  (2026, 'CZ', true, 7950000, NULL, 'CZK', 2000000, true, 'current-year ceiling not verified'),
  (2026, 'DK', true, 670000, NULL, 'DKK', 50000, true, NULL),
  (2026, 'EE', true, 4000000, NULL, NULL, NULL, false, NULL),
  (2026, 'FI', true, 2000000, NULL, NULL, NULL, false, NULL),
  (2026, 'FR', true, 3750000, 4125000, NULL, NULL, false, 'services; goods and accommodation: 85,000 / 93,500 — sectoral thresholds'),
  (2026, 'DE', true, 2500000, 10000000, NULL, NULL, false, NULL),
  (2026, 'GR', true, 1000000, NULL, NULL, NULL, false, NULL),
  (2026, 'HU', true, 4600000, NULL, 'HUF', 18000000, true, NULL),
  (2026, 'IE', true, 4250000, NULL, NULL, NULL, false, 'services; goods: 85,000 — sectoral thresholds'),
  (2026, 'IT', true, 8500000, 10000000, NULL, NULL, false, NULL),
  (2026, 'LV', true, 5000000, NULL, NULL, NULL, false, NULL),
  (2026, 'LT', true, 4500000, NULL, NULL, NULL, false, NULL),
  (2026, 'LU', true, 5000000, 5500000, NULL, NULL, false, NULL),
  (2026, 'MT', true, 3500000, NULL, NULL, NULL, false, 'other sectoral thresholds not verified'),
  (2026, 'NL', true, 2000000, NULL, NULL, NULL, false, 'the domestic KOR; NL is not an EU-KOR state for a business established in NL'),
  (2026, 'PL', true, 5600000, NULL, 'PLN', 240000, true, 'PLN 200,000 in 2025; PLN 240,000 from 2026'),
  (2026, 'PT', true, 1500000, NULL, NULL, NULL, false, NULL),
  (2026, 'RO', true, 7800000, NULL, 'RON', 395000, true, 'RON 300,000 until 31 August 2025'),
  (2026, 'SK', true, 5000000, 6250000, NULL, NULL, false, NULL),
  (2026, 'SI', true, 6000000, 6600000, NULL, NULL, false, NULL),
  (2026, 'ES', false, NULL, NULL, NULL, NULL, false, NULL),
  (2026, 'SE', true, 1050000, NULL, 'SEK', 120000, true, NULL);
