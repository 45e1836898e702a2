import { expect, test } from "@playwright/test";
import { PASSWORD, createBusiness, login, register, uniqueEmail } from "./helpers";

test("a new user registers, creates a business, logs out and in, and sees it", async ({ page }) => {
  const email = uniqueEmail("nieuw");
  await register(page, "Nina Nieuw", email);
  await expect(page.getByText("Je hebt nog geen bedrijf.")).toBeVisible();

  await page.getByRole("link", { name: "Maak je eerste bedrijf aan" }).click();
  await page.getByLabel("Bedrijfsnaam").fill("Nina Design");
  await page.getByLabel("KVK-nummer").fill("1234");
  await page.getByLabel("Btw-identificatienummer").fill("NL000099998B58");
  await page.getByRole("button", { name: "Periode toevoegen" }).click();
  await page.getByLabel("Vanaf (Periode 1)").fill("2025-01-01");
  await page.getByRole("button", { name: "Bedrijf aanmaken" }).click();

  // The server names each wrong field; nothing is created until they are right.
  await expect(page.getByText("Een KVK-nummer bestaat uit 8 cijfers.")).toBeVisible();
  await expect(page.getByText(/Een btw-identificatienummer is NL/)).toBeVisible();
  await expect(page.getByLabel("KVK-nummer")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("KVK-nummer").fill("12345678");
  await page.getByLabel("Btw-identificatienummer").fill("NL000099998B57");
  await page.getByRole("button", { name: "Bedrijf aanmaken" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Nina Design" })).toBeVisible();
  await expect(page.getByText("NL000099998B57")).toBeVisible();
  await expect(page.getByText("Sinds 1 januari 2025")).toBeVisible();

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  await page.goto("/businesses");
  await expect(page).toHaveURL(/\/login/);

  await login(page, email);
  await page.getByRole("link", { name: "Nina Design" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nina Design" })).toBeVisible();
});

test("a wrong password gets one generic message", async ({ page }) => {
  const email = uniqueEmail("fout");
  await register(page, "Fien Fout", email);
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(`${PASSWORD}-niet`);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByText("Onjuist e-mailadres of wachtwoord.")).toBeVisible();
});

test("another user cannot open the business by its URL", async ({ page, browser }) => {
  await register(page, "Olga Eigenaar", uniqueEmail("eigenaar"));
  const url = await createBusiness(page, "Olga's Atelier");

  const other = await browser.newContext();
  const intruder = await other.newPage();
  await register(intruder, "Ivo Indringer", uniqueEmail("indringer"));
  for (const path of [url, `${url}/settings`]) {
    const response = await intruder.goto(path);
    expect(response?.status()).toBe(404);
    await expect(intruder.getByRole("heading", { name: "Niet gevonden" })).toBeVisible();
    await expect(intruder.getByText("Olga's Atelier")).toHaveCount(0);
  }
  await other.close();
});

test("an owner adds a registered user, who then sees the business", async ({ page, browser }) => {
  const memberEmail = uniqueEmail("lid");
  const other = await browser.newContext();
  const memberPage = await other.newPage();
  await register(memberPage, "Lotte Lid", memberEmail);

  await register(page, "Otto Eigenaar", uniqueEmail("otto"));
  const url = await createBusiness(page, "Otto Bouw");
  await page.getByRole("link", { name: "Instellingen" }).click();
  await page.getByLabel("E-mailadres", { exact: true }).fill("onbekend@e2e.drempel.nl");
  await page.getByRole("button", { name: "Toevoegen", exact: true }).click();
  await expect(page.getByText("Er is geen gebruiker met dit e-mailadres.")).toBeVisible();
  await page.getByLabel("E-mailadres", { exact: true }).fill(memberEmail);
  await page.getByRole("button", { name: "Toevoegen", exact: true }).click();
  await expect(page.getByRole("cell", { name: memberEmail })).toBeVisible();

  await memberPage.goto(url);
  await expect(memberPage.getByRole("heading", { level: 1, name: "Otto Bouw" })).toBeVisible();

  await page.getByRole("button", { name: "Lotte Lid verwijderen" }).click();
  await expect(page.getByRole("cell", { name: memberEmail })).toHaveCount(0);
  const response = await memberPage.goto(url);
  expect(response?.status()).toBe(404);
  await other.close();
});

test("the language switch changes the UI and persists", async ({ page }) => {
  await register(page, "Lars Taal", uniqueEmail("taal"));
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Your businesses" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your businesses" })).toBeVisible();
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { name: "Je bedrijven" })).toBeVisible();
});
