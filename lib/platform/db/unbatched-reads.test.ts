import { describe, expect, it } from "vitest";
import { uniqueWhereAsFilter } from "@/lib/platform/db/unbatched-reads";

describe("uniqueWhereAsFilter", () => {
  it("spreads a compound key into its fields, in either order", () => {
    expect(uniqueWhereAsFilter({ businessId_userId: { businessId: "b", userId: "u" } })).toEqual({ businessId: "b", userId: "u" });
    expect(uniqueWhereAsFilter({ userId_key: { key: "k", userId: "u" }, deletedAt: null })).toEqual({
      userId: "u",
      key: "k",
      deletedAt: null,
    });
  });

  it("keeps single keys and filters as they are", () => {
    const at = new Date("2026-01-01");
    expect(uniqueWhereAsFilter({ id: "x", email: { equals: "a@b.nl" }, createdAt: at })).toEqual({
      id: "x",
      email: { equals: "a@b.nl" },
      createdAt: at,
    });
    // An object under a name with "_" that is not its fields is a filter, not a compound key.
    expect(uniqueWhereAsFilter({ some_field: { equals: 1 } })).toEqual({ some_field: { equals: 1 } });
  });
});
