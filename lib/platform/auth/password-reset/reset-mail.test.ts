import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { renderPasswordResetMail } from "@/lib/platform/auth/password-reset/render-password-reset-mail";
import { generateResetToken, hashResetToken, isResetTokenFormat, resetLink } from "@/lib/platform/auth/password-reset/reset-token";

describe("reset tokens", () => {
  it("are 256 random bits whose SHA-256 is what gets stored", () => {
    const a = generateResetToken();
    const b = generateResetToken();
    expect(a.token).not.toBe(b.token);
    expect(isResetTokenFormat(a.token)).toBe(true);
    expect(Buffer.from(a.token, "base64url")).toHaveLength(32);
    expect(a.tokenHash).toBe(crypto.createHash("sha256").update(a.token).digest("hex"));
    expect(hashResetToken(a.token)).toBe(a.tokenHash);
    expect(a.tokenHash).not.toContain(a.token);
  });

  it("reject anything that is not 43 base64url characters", () => {
    for (const value of ["", "kort", `${"a".repeat(43)}=`, `${"a".repeat(42)}/`, "a".repeat(44)])
      expect(isResetTokenFormat(value)).toBe(false);
  });
});

describe("renderPasswordResetMail", () => {
  const link = resetLink("https://drempel.example", "abc_DEF-123");

  it("writes Dutch and English with the link and its lifetime", () => {
    const nl = renderPasswordResetMail({ locale: "nl", name: "Eva", link, minutes: 60 });
    expect(nl.subject).toBe("Drempel: stel je wachtwoord opnieuw in");
    expect(nl.text).toContain("Hallo Eva,");
    expect(nl.text).toContain("https://drempel.example/reset-password?token=abc_DEF-123");
    expect(nl.text).toContain("De link werkt 60 minuten en maar één keer.");
    const en = renderPasswordResetMail({ locale: "en", name: "Eva", link, minutes: 30 });
    expect(en.subject).toBe("Drempel: reset your password");
    expect(en.text).toContain("The link works for 30 minutes and only once.");
  });

  it("escapes the user's name in the HTML", () => {
    const mail = renderPasswordResetMail({ locale: "nl", name: "<script>x</script>", link, minutes: 60 });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(mail.html).toContain('href="https://drempel.example/reset-password?token=abc_DEF-123"');
  });
});
