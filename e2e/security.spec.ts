// Security headers on pages and API responses, and a page that works under its strict CSP.
import { expect, test } from "@playwright/test";

test("pages and the API send the security headers; scripts need the request's nonce", async ({ page, request }) => {
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  const response = await page.goto("/login");
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("'unsafe-inline' 'nonce");
  expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["strict-transport-security"]).toContain("max-age=");

  // The page is interactive under the policy: the client-side language switch and login form work.
  await page.getByLabel("E-mailadres").fill("niemand@e2e.drempel.nl");
  await page.getByLabel("Wachtwoord").fill("verkeerd-wachtwoord");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByText("Onjuist e-mailadres of wachtwoord.")).toBeVisible();
  expect(cspViolations).toEqual([]);

  const second = await request.get("/login");
  expect(second.headers()["content-security-policy"]).not.toBe(csp);

  // The API's fixed policy lets nothing run; it comes with the same other headers.
  for (const path of ["/api/v1/businesses", "/api/v1/no-such-route", "/api/health", "/api/auth/csrf"]) {
    const api = await request.get(path);
    expect(api.status(), path).toBeLessThan(500);
    expect(api.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(api.headers()["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(api.headers()["x-frame-options"], path).toBe("DENY");
    expect(api.headers()["strict-transport-security"], path).toContain("max-age=");
    expect(api.headers()["content-security-policy"], path).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  }
});
