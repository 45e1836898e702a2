// `npm start` without DATABASE_URL: embedded database, migrated and seeded on first start.
import { expect, test } from "@playwright/test";

test("the login page shows the demo accounts, and the demo owner sees her five businesses", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Demo-accounts" })).toBeVisible();
  await expect(page.getByText("eigenaar@demo.drempel.nl")).toBeVisible();
  await expect(page.getByText("Wachtwoord voor alle demo-accounts: drempel-demo")).toBeVisible();

  await page.getByLabel("E-mailadres").fill("eigenaar@demo.drempel.nl");
  await page.getByLabel("Wachtwoord").fill("drempel-demo");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { name: "Je bedrijven" })).toBeVisible();
  // The everyday businesses and the three that tell the story (issue #16): a crossing, the EU-KOR, investment goods.
  for (const name of ["Studio Eva", "Eva Advies", "Catering Eva", "Keramiek Eva", "Fotografie Eva"]) {
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  }
});

test("the other demo accounts log in too: an owner lands on her businesses, the accountant on his clients", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill("tweede@demo.drempel.nl");
  await page.getByLabel("Wachtwoord").fill("drempel-demo");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { name: "Je bedrijven" })).toBeVisible();
  await expect(page).toHaveURL(/\/businesses$/);

  // Issue #16: an accountant without a business of his own lands on /accountant.
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill("boekhouder@demo.drempel.nl");
  await page.getByLabel("Wachtwoord").fill("drempel-demo");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Je klanten" })).toBeVisible();
  await expect(page).toHaveURL(/\/accountant$/);

  // The demo accountant has been given access to two of the demo businesses.
  await page.goto("/businesses");
  await expect(page.getByRole("link", { name: "Studio Eva", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Fietsenmakerij Tom", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Eva Advies", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Catering Eva", exact: true })).toHaveCount(0);

  // A callbackUrl still wins over the landing page.
  await page.context().clearCookies();
  await page.goto("/login?callbackUrl=%2Fsettings%2Faccount");
  await page.getByLabel("E-mailadres").fill("boekhouder@demo.drempel.nl");
  await page.getByLabel("Wachtwoord").fill("drempel-demo");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(/\/settings\/account$/);
});
