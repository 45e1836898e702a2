// Sessions that end and two-factor login (issue #15), in the real server and browser:
// after logging out, a copy of the old session cookie opens neither the dashboard (nor
// its page cache) nor the API; two-factor login is set up from the account page with a
// code computed here from the shown key, asked for at the next login, and a recovery code
// works once; "log out everywhere else" in a second browser ends the first one's session.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { generate } from "otplib";
import { createBusiness, login, PASSWORD, register, uniqueEmail } from "./helpers";

const SESSION_COOKIE = "next-auth.session-token";

async function logout(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Uitloggen", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  // The login form works once hydrated; a click before that would submit it natively.
  await page.waitForLoadState("load");
}

/** A fresh browser holding only the given session cookie, as an attacker with a copy of it. */
async function browserWithCookie(browser: Browser, baseURL: string, value: string) {
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: SESSION_COOKIE, value, url: baseURL }]);
  return context;
}

/** axe finds no serious or critical violation in the page as it is now. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${state}: ${v.id} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const codeAt = (secret: string, offsetSeconds = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

test("after logging out, the old session cookie opens neither the dashboard, its page cache, nor the API", async ({
  page,
  browser,
  baseURL,
}) => {
  await register(page, "Uit Logger", uniqueEmail("logout"));
  const overview = await createBusiness(page, "Uitlog BV");
  // Twice, so the second load comes from the page cache.
  await page.goto(overview);
  const cached = await page.goto(overview);
  expect(cached?.headers()["x-drempel-page-cache"]).toBe("hit");
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!.value;

  // While the session lives, a copy of the cookie works (so the refusal below means something).
  const before = await browserWithCookie(browser, baseURL!, cookie);
  expect((await before.request.get("/api/v1/businesses")).status()).toBe(200);
  await before.close();

  await logout(page);

  const replay = await browserWithCookie(browser, baseURL!, cookie);
  const replayPage = await replay.newPage();
  const response = await replayPage.goto(overview);
  expect(response?.headers()["x-drempel-page-cache"]).not.toBe("hit");
  await expect(replayPage.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  await replayPage.goto("/settings/account");
  await expect(replayPage.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  expect((await replay.request.get("/api/v1/businesses")).status()).toBe(401);
  await replay.close();
});

test("two-factor login: set up with the shown key, asked for at login, and a recovery code works once", async ({ page }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("totp");
  await register(page, "Tim Tweestaps", email);
  await page.goto("/settings/account");
  await expect(page.getByText("Tweestapsverificatie staat uit.")).toBeVisible();
  await page.getByRole("button", { name: "Tweestapsverificatie instellen" }).click();
  await expect(page.getByRole("img", { name: "QR-code om Drempel aan je authenticator-app toe te voegen" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expectAccessible(page, "two-factor setup");

  // A wrong code first: refused with the field's message.
  await page.getByLabel("Code uit de app").fill("000000");
  await page.getByRole("button", { name: "Bevestigen en aanzetten" }).click();
  await expect(page.getByText("Deze code klopt niet of is al gebruikt.")).toBeVisible();
  // The previous time step's code (still accepted), so the current one is fresh for the login below.
  await page.getByLabel("Code uit de app").fill(await codeAt(secret, -30));
  await page.getByRole("button", { name: "Bevestigen en aanzetten" }).click();
  await expect(page.getByText("Tweestapsverificatie staat aan.")).toBeVisible();
  const recoveryCodes = await page.getByRole("list", { name: "Je herstelcodes" }).getByRole("listitem").allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await expectAccessible(page, "recovery codes");
  await page.getByRole("button", { name: "Ik heb de codes bewaard" }).click();
  await expect(page.getByText(/Tweestapsverificatie staat aan sinds/)).toBeVisible();
  await logout(page);

  // The password alone: the code is asked for, and no session exists yet.
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByLabel("Code uit de app of herstelcode")).toBeVisible();
  expect((await page.context().cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false);
  await expectAccessible(page, "login code step");
  await page.getByLabel("Code uit de app of herstelcode").fill("123456");
  await page.getByRole("button", { name: "Inloggen met code" }).click();
  await expect(page.getByText("Deze code klopt niet of is al gebruikt.")).toBeVisible();
  await page.getByLabel("Code uit de app of herstelcode").fill(await codeAt(secret));
  await page.getByRole("button", { name: "Inloggen met code" }).click();
  await expect(page.getByRole("heading", { name: "Je bedrijven" })).toBeVisible();
  await logout(page);

  // A recovery code instead of the app's code; the same code a second time is refused.
  for (const attempt of ["first", "again"] as const) {
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByLabel("Code uit de app of herstelcode").fill(recoveryCodes[0]!);
    await page.getByRole("button", { name: "Inloggen met code" }).click();
    if (attempt === "first") {
      await expect(page.getByRole("heading", { name: "Je bedrijven" })).toBeVisible();
      await page.goto("/settings/account");
      await expect(page.getByText("Je hebt nog 9 herstelcodes.")).toBeVisible();
      const activity = page.getByRole("table", { name: "Recente beveiligingsactiviteit" });
      await expect(activity.getByRole("cell", { name: "Herstelcode gebruikt" })).toBeVisible();
      await expect(activity.getByRole("cell", { name: "Tweestapsverificatie aangezet" })).toBeVisible();
      await expect(activity.getByRole("cell", { name: "Verkeerde code bij het inloggen" }).first()).toBeVisible();
      await expectAccessible(page, "account page with two-factor login on");
      await logout(page);
    } else {
      await expect(page.getByText("Deze code klopt niet of is al gebruikt.")).toBeVisible();
    }
  }
});

test("log out everywhere else from a second browser ends the first browser's session", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("everywhere");
  await register(page, "Eva Overal", email);
  await page.goto("/settings/account");
  await expect(page.getByRole("list", { name: "Actieve sessies" }).getByRole("listitem")).toHaveCount(1);

  const second = await browser.newContext({ baseURL });
  const other = await second.newPage();
  await login(other, email);
  await other.goto("/settings/account");
  const sessions = other.getByRole("list", { name: "Actieve sessies" });
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await expect(sessions.getByText("Deze sessie")).toHaveCount(1);
  await other.getByRole("button", { name: "Overal anders uitloggen" }).click();
  await expect(other.getByText("1 andere sessie beëindigd.")).toBeVisible();
  await expect(sessions.getByRole("listitem")).toHaveCount(1);

  await page.goto("/businesses");
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  // The second browser is still logged in.
  await other.goto("/businesses");
  await expect(other.getByRole("heading", { name: "Je bedrijven" })).toBeVisible();
  await second.close();
});

test("a passkey added on the account page logs in without a password, and counts as two-factor login", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  // WebAuthn needs a domain name: the same server as localhost (PASSKEY_ORIGIN in playwright.config.ts).
  const origin = baseURL!.replace("127.0.0.1", "localhost");
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  // Chromium's virtual authenticator: a platform authenticator that verifies its user.
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  const email = uniqueEmail("passkey");
  await register(page, "Pam Passkey", email);
  await page.goto("/settings/account");
  await expect(page.getByText("Je hebt nog geen passkeys.")).toBeVisible();
  await page.getByLabel("Naam van de passkey").fill("Laptop");
  await page.getByRole("button", { name: "Passkey toevoegen" }).click();
  await expect(page.getByText("De passkey is toegevoegd.")).toBeVisible();
  const passkeys = page.getByRole("list", { name: "Passkeys" });
  await expect(passkeys.getByRole("listitem")).toHaveCount(1);
  await expect(passkeys.getByText("Laptop")).toBeVisible();
  await expectAccessible(page, "account page with a passkey");
  await logout(page);

  // No e-mail address, no password: the passkey alone.
  // Logging out lands on NEXTAUTH_URL's host (127.0.0.1); the passkey lives on localhost.
  await page.goto("/login");
  await page.getByRole("button", { name: "Passkey gebruiken" }).click();
  await expect(page.getByRole("heading", { name: "Je bedrijven" })).toBeVisible();
  await page.goto("/settings/account");
  await expect(passkeys.getByText(/laatst gebruikt/)).toBeVisible();
  const activity = page.getByRole("table", { name: "Recente beveiligingsactiviteit" });
  await expect(activity.getByRole("cell", { name: "Passkey toegevoegd" })).toBeVisible();

  // Removed, it logs in no more.
  await page.getByRole("button", { name: "Passkey Laptop verwijderen" }).click();
  await expect(page.getByText("Je hebt nog geen passkeys.")).toBeVisible();
  await logout(page);
  await page.goto("/login");
  expect(new URL(page.url()).hostname).toBe("localhost");
  await page.getByRole("button", { name: "Passkey gebruiken" }).click();
  await expect(page.getByText("Inloggen met een passkey is niet gelukt.")).toBeVisible();
  await context.close();
});
