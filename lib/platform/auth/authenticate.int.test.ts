import { beforeEach, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { authenticate } from "@/lib/platform/auth/authenticate";
import { registerUser } from "@/lib/features/users/register-user";
import { db } from "@/lib/platform/db/client";
import { clientIp } from "@/lib/platform/auth/options";

const randomIp = () => `10.${crypto.randomInt(0, 256)}.${crypto.randomInt(0, 256)}.${crypto.randomInt(1, 255)}`;

/** Lets `seconds` pass for an address's login failures (their counter's clock moved back). */
async function elapse(address: string, seconds: number) {
  await db()
    .$executeRaw`UPDATE "RateLimit" SET "resetAt" = "resetAt" - make_interval(secs => ${seconds}) WHERE "key" = ${`login:email:${address}`}`;
}

let email: string;
const password = "correct horse battery";

beforeEach(async () => {
  email = `login-${crypto.randomBytes(4).toString("hex")}@test.drempel.nl`;
  await registerUser({ input: { name: "Login Test", email, password } });
});

describe("authenticate", () => {
  it("accepts the right password, case-insensitive email", async () => {
    await expect(authenticate({ email: email.toUpperCase(), password })).resolves.toMatchObject({
      email,
      name: "Login Test",
      locale: "nl",
    });
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

  it("answers an address with 5 failed attempts 'try again in N s' without checking the password, the wait doubling from 1 s", async () => {
    for (let i = 0; i < 5; i++) await expect(authenticate({ email, password: "wrong password", ip: randomIp() })).resolves.toBeNull();
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const refused = await authenticate({ email, password, ip: randomIp() }).catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: "RATE_LIMITED" });
      waits.push((refused as { retryAfterSeconds: number }).retryAfterSeconds);
      // The wait passes; the next guess is wrong and doubles it.
      await elapse(email, 60);
      await expect(authenticate({ email, password: "wrong password", ip: randomIp() })).resolves.toBeNull();
    }
    expect(waits).toEqual([1, 2, 4, 8]);
  });

  it("keeps the wait of an attacked address short: after 60 wrong guesses the real user waits at most LOGIN_DELAY_MAX_SECONDS, then logs in", async () => {
    for (let i = 0; i < 60; i++) {
      await elapse(email, 61);
      await authenticate({ email, password: `guess ${i}`, ip: randomIp() });
    }
    const refused = await authenticate({ email, password, ip: randomIp() }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "RATE_LIMITED" });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
    await elapse(email, 60);
    await expect(authenticate({ email, password, ip: randomIp() })).resolves.toMatchObject({ email });
    // A successful login forgets the failures.
    await expect(authenticate({ email, password: "wrong password", ip: randomIp() })).resolves.toBeNull();
    await expect(authenticate({ email, password, ip: randomIp() })).resolves.toMatchObject({ email });
  });

  it("does not count successful logins: an office behind one IP logs in all day", async () => {
    const ip = randomIp();
    for (let i = 0; i < 25; i++) await expect(authenticate({ email, password, ip })).resolves.toMatchObject({ email });
    const colleague = `colleague-${crypto.randomBytes(4).toString("hex")}@test.drempel.nl`;
    await registerUser({ input: { name: "Colleague", email: colleague, password } });
    await expect(authenticate({ email: colleague, password, ip })).resolves.toMatchObject({ email: colleague });
  });

  it("blocks one IP after 10 failed attempts on any addresses, even with the right password; another IP is not affected", async () => {
    const ip = randomIp();
    for (let i = 0; i < 10; i++)
      await authenticate({ email: `guess${i}-${crypto.randomBytes(3).toString("hex")}@test.drempel.nl`, password: "x", ip });
    await expect(authenticate({ email, password, ip })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(authenticate({ email, password, ip: randomIp() })).resolves.toMatchObject({ email });
  });
});

describe("the client IP behind the login limits", () => {
  it("ignores X-Forwarded-For from a client without TRUSTED_PROXIES: the nearest peer counts", () => {
    // Next.js puts the socket's address last; server.ts leaves only the resolved address.
    expect(clientIp({ "x-forwarded-for": "6.6.6.6, 10.1.2.3" })).toBe("10.1.2.3");
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 10.1.2.3", "x-real-ip": "7.7.7.7" }))).toBe("10.1.2.3");
    expect(clientIp({ "x-real-ip": "7.7.7.7" })).toBeUndefined();
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
