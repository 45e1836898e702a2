// Forgotten and changed passwords in the browser: the reset link is read from the mail as
// received by the e2e mail server over SMTP (scripts/e2e-mail-catcher.ts), and a password
// change in one browser ends the session of another.
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, login, mailedLink, register, uniqueEmail } from "./helpers";

const NEW_PASSWORD = "mijn-nieuwe-wachtwoord";

async function requestReset(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
  await expect(page.getByRole("heading", { name: "Wachtwoord vergeten" })).toBeVisible();
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur de link" }).click();
  await expect(page.getByRole("status")).toContainText("Als er een account met dit e-mailadres bestaat");
}

test("a forgotten password is reset through the mailed link; the old one stops working", async ({ browser }) => {
  test.slow(); // two registrations' worth of steps: about 35 s on a quiet machine
  const email = uniqueEmail("vergeten");
  const setup = await browser.newContext();
  await register(await setup.newPage(), "Vergeetachtige Vera", email);
  await setup.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  // An unknown address gets exactly the same answer.
  await requestReset(page, uniqueEmail("onbekend"));
  const unknownAnswer = await page.getByRole("status").textContent();
  await requestReset(page, email);
  expect(await page.getByRole("status").textContent()).toBe(unknownAnswer);

  const link = await mailedLink(email, "/reset-password");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Nieuw wachtwoord kiezen" })).toBeVisible();
  await page.getByLabel("Nieuw wachtwoord").fill("kort");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByText("Kies een wachtwoord van minstens 12 tekens.")).toBeVisible();
  await page.getByLabel("Nieuw wachtwoord").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByText("Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord.")).toBeVisible();

  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByText("Onjuist e-mailadres of wachtwoord.")).toBeVisible();
  await login(page, email, NEW_PASSWORD);

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Deze link werkt niet meer" })).toBeVisible();
  await context.close();
});

test("changing the password keeps this browser logged in and logs the other one out", async ({ browser }) => {
  test.slow(); // a registration, a login and a password change in two browsers
  const email = uniqueEmail("wijzig");
  const here = await browser.newContext();
  const there = await browser.newContext();
  const page = await here.newPage();
  const other = await there.newPage();
  await register(page, "Wisselende Willem", email);
  await login(other, email);

  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Je account" })).toBeVisible();
  await page.getByLabel("Huidig wachtwoord").fill("niet-mijn-wachtwoord");
  await page.getByLabel("Nieuw wachtwoord").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(page.getByText("Dit is niet je huidige wachtwoord.")).toBeVisible();
  await page.getByLabel("Huidig wachtwoord").fill(PASSWORD);
  await page.getByLabel("Nieuw wachtwoord").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(page.getByText("Je wachtwoord is gewijzigd. Andere sessies zijn beëindigd.")).toBeVisible();

  // This browser: still in, on a fresh request.
  await page.goto("/businesses");
  await expect(page.getByRole("heading", { name: "Je bedrijven" })).toBeVisible();
  // The other browser: out on its next request, and its API calls are refused.
  await other.goto("/businesses");
  await expect(other).toHaveURL(/\/login/);
  expect((await other.request.get("/api/v1/businesses")).status()).toBe(401);
  expect((await page.request.get("/api/v1/businesses")).status()).toBe(200);
  // The new password logs in; the old one does not.
  await login(other, email, NEW_PASSWORD);
  await here.close();
  await there.close();
});

test("without a session: the account page sends to login; a reset page without a live token shows no form", async ({ page }) => {
  await page.goto("/settings/account");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/forgot-password");
  await expect(page.getByRole("heading", { name: "Wachtwoord vergeten" })).toBeVisible();
  for (const query of ["", "?token=", `?token=${"a".repeat(43)}`, "?token=kapot"]) {
    await page.goto(`/reset-password${query}`);
    await expect(page.getByRole("heading", { name: "Deze link werkt niet meer" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Wachtwoord opslaan" })).toHaveCount(0);
  }
});
