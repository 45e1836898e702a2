import { describe, expect, it } from "vitest";
import { decodeStatementBytes, parseBankStatement } from "@/lib/features/bank/formats";
import { BankStatementError } from "@/lib/features/bank/statement.types";

describe("parseBankStatement", () => {
  it("refuses a file in no supported format, with a translatable reason", () => {
    expect(() => parseBankStatement("hello,world\n1,2\n")).toThrow(BankStatementError);
    expect(() => parseBankStatement("hello,world\n1,2\n")).toThrow("bank.errors.unknownFormat");
  });
});

describe("decodeStatementBytes", () => {
  it("reads UTF-8 and drops its byte-order mark", () => {
    expect(decodeStatementBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x43, 0xc3, 0xa9]))).toBe("Cé");
  });
  it("falls back to Windows-1252 for bytes that are not UTF-8", () => {
    expect(decodeStatementBytes(new Uint8Array([0x43, 0xe9, 0x80]))).toBe("Cé€");
  });
});
