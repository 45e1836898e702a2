import { beforeEach, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { authenticate } from "@/lib/auth/authenticate";
import { registerUser } from "@/lib/users/register-user";
import { db } from "@/lib/db/client";

let email: string;
const password = "correct horse battery";

beforeEach(async () => {
  email = `login-${crypto.randomBytes(4).toString("hex")}@test.drempel.nl`;
  await registerUser({ input: { name: "Login Test", email, password } });
});

describe("authenticate", () => {
  it("accepts the right password, case-insensitive email", async () => {
    await expect(authenticate({ email: email.toUpperCase(), password })).resolves.toMatchObject({ email, name: "Login Test", locale: "nl" });
  });

  it("gives the same null for a wrong password and an unknown email", async () => {
    await expect(authenticate({ email, password: "wrong password" })).resolves.toBeNull();
    await expect(authenticate({ email: "nobody@test.drempel.nl", password })).resolves.toBeNull();
  });

  it("stores no plain password", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.passwordHash).not.toContain(password);
  });

  it("blocks the 11th attempt for one email within the window, even with the right password", async () => {
    for (let i = 0; i < 10; i++) await authenticate({ email, password: "wrong password" });
    await expect(authenticate({ email, password })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("blocks one IP that tries many emails", async () => {
    const ip = `10.0.0.${crypto.randomInt(1, 250)}-${crypto.randomBytes(2).toString("hex")}`;
    for (let i = 0; i < 10; i++) await authenticate({ email: `guess${i}-${ip}@test.drempel.nl`, password: "x", ip });
    await expect(authenticate({ email, password, ip })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(authenticate({ email, password, ip: "10.9.9.9" })).resolves.toMatchObject({ email });
  });
});

describe("registerUser", () => {
  it("answers a taken email as a new one and leaves the account as it was (test/users/registration.int.test.ts)", async () => {
    const before = await db().user.findUniqueOrThrow({ where: { email } });
    await expect(registerUser({ input: { name: "Again", email, password: "een-ander-lang-wachtwoord" } })).resolves.toEqual({ email });
    expect(await db().user.findUniqueOrThrow({ where: { email } })).toEqual(before);
  });

  it("names every invalid field and creates nothing", async () => {
    const before = await db().user.count();
    await expect(registerUser({ input: { name: "", email: "not-an-email", password: "short" } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { name: "validation.required", email: "validation.email", password: "validation.passwordShort" },
    });
    expect(await db().user.count()).toBe(before);
  });
});
