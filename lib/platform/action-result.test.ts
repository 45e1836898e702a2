import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/platform/errors";
import { runAction, runFormAction } from "./action-result";

const flag = process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS;
beforeAll(() => {
  // next.config.ts's experimental.authInterrupts sets this in the built app.
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
});
afterAll(() => {
  if (flag === undefined) delete process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS;
  else process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = flag;
});

const digestOf = async (work: () => Promise<unknown>) =>
  ((await runFormAction(work).catch((error: unknown) => error)) as { digest?: string }).digest;

describe("runFormAction", () => {
  it("turns a read-only caller's FORBIDDEN into Next's 403 page, NOT_FOUND into its 404 page, UNAUTHENTICATED into the login page", async () => {
    expect(await digestOf(async () => Promise.reject(new AppError("FORBIDDEN", "Read-only access")))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    expect(await digestOf(async () => Promise.reject(new AppError("NOT_FOUND", "Invoice not found")))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await digestOf(async () => Promise.reject(new AppError("UNAUTHENTICATED", "Not signed in")))).toMatch(
      /^NEXT_REDIRECT;replace;\/login;307;/,
    );
  });

  it("passes the result through, and rethrows what is not an AppError", async () => {
    await expect(runFormAction(async () => 42)).resolves.toBe(42);
    const bug = new TypeError("bug");
    await expect(runFormAction(async () => Promise.reject(bug))).rejects.toBe(bug);
  });
});

describe("runAction", () => {
  it("answers an AppError with its code and fields", async () => {
    await expect(
      runAction(async () => Promise.reject(new AppError("VALIDATION_FAILED", "x", { fields: { name: "validation.invalidCharacters" } }))),
    ).resolves.toEqual({
      ok: false,
      error: { code: "VALIDATION_FAILED", message: "x", fields: { name: "validation.invalidCharacters" } },
    });
  });
});
