import { describe, expect, it } from "vitest";
import { passwordSchema, registerSchema } from "@/lib/features/users/user.types";
import { passwordProblem } from "./password-policy";

describe("passwordProblem", () => {
  it("refuses fewer than 12 characters", () => {
    expect(passwordProblem("kort")).toBe("validation.passwordShort");
    expect(passwordProblem("elf-tekens!")).toBe("validation.passwordShort");
  });

  it("refuses common and trivially guessable passwords of any length", () => {
    for (const password of [
      "aaaaaaaaaaaa",
      "aaaaaaaaaaaaaaaaaaaa",
      "password1234",
      "Password123!",
      "qwertyuiop12",
      "123456789012",
      "iloveyou12345",
      "letmein123456",
    ]) {
      expect(passwordProblem(password), password).toBe("validation.passwordCommon");
    }
  });

  it("refuses a password that is or contains the address's local part", () => {
    expect(passwordProblem("eva.devries-2026", { email: "eva.devries@example.test" })).toBe("validation.passwordContainsEmail");
    expect(passwordProblem("EvaDeVries!Zomer", { email: "eva.de-vries@example.test" })).toBe("validation.passwordContainsEmail");
    expect(passwordProblem("boekhouder@example.test", { email: "boekhouder@example.test" })).toBe("validation.passwordContainsEmail");
  });

  it("accepts a long passphrase", () => {
    for (const password of ["een-lang-wachtwoord", "mijn-nieuwe-wachtwoord", "correct horse battery staple"]) {
      expect(passwordProblem(password, { email: "eva@example.test", name: "Eva de Vries" }), password).toBeNull();
    }
  });
});

describe("the schemas", () => {
  it("the shared password schema answers with the field message", () => {
    expect(passwordSchema.safeParse("aaaaaaaaaa").error?.issues[0]?.message).toBe("validation.passwordShort");
    expect(passwordSchema.safeParse("aaaaaaaaaaaaaa").error?.issues[0]?.message).toBe("validation.passwordCommon");
    expect(passwordSchema.safeParse("een-lang-wachtwoord").success).toBe(true);
  });

  it("registration refuses the address's local part on the password field", () => {
    const result = registerSchema.safeParse({ name: "Eva", email: "zonnebloem.atelier@example.test", password: "zonnebloem.atelier!" });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["password"], message: "validation.passwordContainsEmail" })]);
  });
});
