import { describe, expect, it } from "vitest";
import { formatBytes } from "@/components/import/file-drop";

describe("formatBytes (the chosen file's size)", () => {
  it("says bytes, kB and MB in the reader's number format", () => {
    expect(formatBytes(512, "nl")).toBe("512 B");
    expect(formatBytes(1536, "nl")).toBe("1,5 kB");
    expect(formatBytes(1536, "en")).toBe("1.5 kB");
    expect(formatBytes(8267, "nl")).toBe("8,1 kB");
    expect(formatBytes(25 * 1024 * 1024, "nl")).toBe("25 MB");
    expect(formatBytes(150 * 1024, "en")).toBe("150 kB");
  });
});
