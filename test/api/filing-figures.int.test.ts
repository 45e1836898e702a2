// The filing figures over the API (issue #20): the EU-KOR quarterly report per quarter and
// member state with each line's rule and the 15-working-day notice after a crossing, and
// the ICP/OSS figures per customer VAT number and member state. Outsiders get 404 (also
// in isolation.int.test.ts); a bad year is a 400 naming the field.
import { beforeAll, describe, expect, it } from "vitest";
import * as euKorQuartersRoute from "@/app/api/v1/businesses/[businessId]/eu-kor/quarters/route";
import * as icpOssRoute from "@/app/api/v1/businesses/[businessId]/icp-oss/route";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { apiRequest, ctx, readJson, tokenFor } from "@/test/api/helpers";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { createUser } from "@/test/integration/factories";

let businessId: string;
let token: string;
let outsiderToken: string;

beforeAll(async () => {
  const owner = await createUser("filing-owner");
  businessId = (
    await createBusiness({
      caller: { userId: owner.id },
      input: { name: "Keramiek Europa", kvkNumber: "12345678", euKor: { memberStates: ["DE", "FR"] } },
    })
  ).id;
  token = await tokenFor(owner.id, "read");
  outsiderToken = await tokenFor((await createUser("filing-outsider")).id);
  const caller = { userId: owner.id };
  const add = (number: string, date: string, category: string, netCents: number, extra: Record<string, unknown> = {}) =>
    createInvoice({
      caller,
      businessId,
      input: { number, date, customer: { name: `Klant ${number}` }, category, netCents, vatCents: 0, ...extra },
    });
  await add("1", "2026-01-10", "NL_STANDARD", 9_000_000, { vatCents: 1_890_000 });
  await add("2", "2026-02-10", "EU_B2B_GOODS", 400_000, {
    customer: { name: "Holz GmbH", country: "DE", type: "business", vatId: "DE123456789" },
  });
  // €94,000 so far; this €7,000 sale to a French consumer crosses €100,000 on Thursday 10 September 2026 (KOR-RULES.md §4's example: inform by 1 October 2026).
  await add("3", "2026-09-10", "EU_B2C_FOREIGN_VAT", 700_000, { country: "FR", vatCents: 140_000 });
});

const get = (route: typeof euKorQuartersRoute | typeof icpOssRoute, path: string, bearer: string) =>
  route.GET(apiRequest("GET", `/api/v1/businesses/${businessId}/${path}`, { token: bearer }), ctx({ businessId }));

describe("GET /api/v1/businesses/{id}/eu-kor/quarters", () => {
  it("answers the quarters' lines with their rules and the notice with its supplies and date", async () => {
    const response = await get(euKorQuartersRoute, "eu-kor/quarters?year=2026", token);
    expect(response.status).toBe(200);
    const { data } = await readJson(response);
    expect(data.quarters).toHaveLength(4);
    const q1 = data.quarters[0];
    expect(q1.lines).toHaveLength(27);
    expect(q1.lines[0]).toMatchObject({
      state: "NL",
      netCents: 9_400_000,
      supplies: 2,
      ruleId: "euKor.quarterlyReport",
      countedBy: [{ ruleId: "count.categories" }],
    });
    expect(data.quarters[2].lines.find((l: { state: string }) => l.state === "FR")).toMatchObject({ netCents: 700_000 });
    expect(data.notices).toEqual([
      expect.objectContaining({
        crossedOn: "2026-09-10",
        notifyBy: "2026-10-01",
        workingDays: 15,
        periodFrom: "2026-07-01",
        totalCents: 700_000,
        unionTotalCents: 10_100_000,
      }),
    ]);
  });

  it("refuses a year out of range with 400 naming the field, and an outsider with 404", async () => {
    const bad = await get(euKorQuartersRoute, "eu-kor/quarters?year=1999", token);
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).error.fields).toHaveProperty("year");
    expect((await get(euKorQuartersRoute, "eu-kor/quarters?year=1999", outsiderToken)).status).toBe(400);
    expect((await get(euKorQuartersRoute, "eu-kor/quarters?year=2026", outsiderToken)).status).toBe(404);
  });
});

describe("GET /api/v1/businesses/{id}/icp-oss", () => {
  it("answers the ICP line per customer VAT number and the OSS line per member state", async () => {
    const response = await get(icpOssRoute, "icp-oss?year=2026", token);
    expect(response.status).toBe(200);
    const { data } = await readJson(response);
    expect(data.quarters[0].icp).toEqual([
      { vatId: "DE123456789", country: "DE", customerName: "Holz GmbH", goodsCents: 400_000, servicesCents: 0, invoices: ["2"] },
    ]);
    expect(data.quarters[2].oss).toEqual([{ state: "FR", netCents: 700_000, vatCents: 140_000, invoices: ["3"] }]);
    // €7,000 of distance sales is not over the €10,000 (KOR-RULES.md §1): OSS not required, the sale booked with French VAT still listed.
    expect(data.ossStart).toBeNull();
    expect(data).toMatchObject({ distanceSalesCents: 700_000, distanceSalesThresholdCents: 1_000_000 });
    expect(data.icpRule).toMatchObject({ ruleId: "icp.statement", interpretation: true });
    expect((await get(icpOssRoute, "icp-oss?year=2026", outsiderToken)).status).toBe(404);
  });
});
