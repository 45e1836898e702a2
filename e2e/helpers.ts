// Shared steps of the end-to-end tests, written as a person would do them.
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "een-lang-wachtwoord";

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.drempel.nl`;
}

export async function register(page: Page, name: string, email: string): Promise<void> {
  await page.goto("/register");
  await page.getByLabel("Naam").fill(name);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page.getByRole("heading", { name: "Je bedrijven" })).toBeVisible();
}

export async function login(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { name: "Je bedrijven" })).toBeVisible();
}

export async function createBusiness(page: Page, name: string): Promise<string> {
  await page.getByRole("link", { name: "Nieuw bedrijf" }).first().click();
  await page.getByLabel("Bedrijfsnaam").fill(name);
  await page.getByLabel("KVK-nummer").fill("12345678");
  await page.getByRole("button", { name: "Bedrijf aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url();
}

/** A business that takes part in the KOR from `korFrom` (YYYY-MM-DD); returns its overview URL. */
export async function createKorBusiness(page: Page, name: string, korFrom: string): Promise<string> {
  await page.goto("/businesses/new");
  await page.getByLabel("Bedrijfsnaam").fill(name);
  await page.getByLabel("KVK-nummer").fill("12345678");
  await page.getByRole("button", { name: "Periode toevoegen" }).click();
  await page.getByLabel("Vanaf (Periode 1)").fill(korFrom);
  await page.getByRole("button", { name: "Bedrijf aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url();
}
