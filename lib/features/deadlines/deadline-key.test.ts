import { describe, expect, it } from "vitest";
import { failedDeadlineKey } from "./deadline-key";

describe("failedDeadlineKey", () => {
  it("names the deadline whose done-mark was refused", () => {
    expect(failedDeadlineKey({ deadline: "invalid", key: "VAT_RETURN_DUE:2026-Q4" })).toBe("VAT_RETURN_DUE:2026-Q4");
    expect(failedDeadlineKey({ deadline: "invalid", key: "EU_KOR_REPORT_DUE:2026-Q4" })).toBe("EU_KOR_REPORT_DUE:2026-Q4");
  });

  it("names none without a refusal, without a key, or with a key that is not a deadline's", () => {
    expect(failedDeadlineKey({})).toBeNull();
    expect(failedDeadlineKey({ key: "VAT_RETURN_DUE:2026-Q4" })).toBeNull();
    expect(failedDeadlineKey({ deadline: "invalid" })).toBeNull();
    expect(failedDeadlineKey({ deadline: "invalid", key: ["VAT_RETURN_DUE:2026-Q4", "EU_KOR_REPORT_DUE:2026-Q4"] })).toBeNull();
    expect(failedDeadlineKey({ deadline: "invalid", key: "KOR_APPLY_BY:2026-Q4" })).toBeNull();
  });
});
