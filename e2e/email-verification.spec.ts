// Verified e-mail addresses in the browser (issue #15): registration answers "check your
// mail" whether or not the address has an account; an unverified account logs in with a
// banner and cannot take up an invitation even through its link; the verification link
// from the mail as received over SMTP by the e2e mail server (scripts/e2e-mail-catcher.ts) verifies it,
// after which the invitation's mailed link accepts it, once.
import { expect, test } from "@playwright/test";
import { createKorBusiness, login, mailedLink, mailsTo, register, submitRegistration, uniqueEmail, verifyEmail } from "./helpers";

test.describe.configure({ timeout: 150_000 });

test("register, verify through the mailed link, then accept an invitation through its mailed link", async ({ browser }) => {
  const year = new Date().getFullYear();
  const businessName = `Uitnodiging Studio ${Date.now()}`;
  const accountantEmail = uniqueEmail("nieuwe-boekhouder");

  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await register(owner, "Elin Eigenaar", uniqueEmail("eigenaar"));
  const businessPath = new URL(await createKorBusiness(owner, businessName, `${year - 1}-01-01`)).pathname;

  // The accountant registers: "check your mail", and no session yet.
  const accountantContext = await browser.newContext();
  const accountant = await accountantContext.newPage();
  await submitRegistration(accountant, "Nout Nieuw", accountantEmail);
  await expect(accountant.getByRole("heading", { name: "Controleer je e-mail" })).toBeVisible();
  await expect(accountant.getByText(`We hebben een e-mail gestuurd naar ${accountantEmail}.`)).toBeVisible();

  // Logged in but unverified: the banner, and "send again".
  await login(accountant, accountantEmail);
  const banner = accountant.getByRole("region", { name: "E-mailadres bevestigen" });
  await expect(banner).toContainText(`Bevestig je e-mailadres (${accountantEmail})`);
  await banner.getByRole("button", { name: "Stuur de link opnieuw" }).click();
  await expect(banner.getByRole("status")).toHaveText("We hebben een nieuwe link gestuurd.");

  // The owner invites the address.
  await owner.goto(`${businessPath}/settings`);
  const section = owner.getByRole("region", { name: "Boekhouder" });
  await section.getByLabel("E-mailadres van de boekhouder").fill(accountantEmail);
  await section.getByLabel("Toegang").selectOption("READ_ONLY");
  await section.getByRole("button", { name: "Nodig boekhouder uit" }).click();
  await expect(section.getByRole("status")).toHaveText(`Uitnodiging voor ${accountantEmail} staat klaar.`);

  // Unverified, even the invitation's own link does not let it in (the finding).
  const invitationLink = await mailedLink(accountantEmail, "/invitation");
  await accountant.goto(invitationLink);
  await expect(accountant.getByRole("alert").filter({ hasText: "Bevestig eerst je e-mailadres" })).toBeVisible();
  await expect(accountant.getByRole("button", { name: `Accepteer uitnodiging van ${businessName}` })).toHaveCount(0);
  await accountant.goto(businessPath);
  await expect(accountant.getByRole("heading", { name: "Niet gevonden" })).toBeVisible();

  // The verification link from the mail verifies the address; the banner is gone.
  await verifyEmail(accountant, accountantEmail);
  await accountant.getByRole("link", { name: "Verder naar je bedrijven" }).click();
  await expect(accountant.getByRole("heading", { name: "Je bedrijven" })).toBeVisible();
  await expect(accountant.getByRole("region", { name: "E-mailadres bevestigen" })).toHaveCount(0);

  // Now the invitation's link accepts it, once.
  await accountant.goto(invitationLink);
  await accountant.getByRole("button", { name: `Accepteer uitnodiging van ${businessName}` }).click();
  await expect(accountant.getByRole("status")).toHaveText(`Je hebt nu toegang tot ${businessName}.`);
  await accountant.goto(businessPath);
  await expect(accountant.getByRole("heading", { level: 1, name: businessName })).toBeVisible();
  await accountant.goto(invitationLink);
  await expect(accountant.getByRole("alert").filter({ hasText: "Deze uitnodiging is verlopen, al beantwoord" })).toBeVisible();

  await ownerContext.close();
  await accountantContext.close();
});

test("registration answers an existing address as a new one, and refuses a weak password on its field", async ({ page }) => {
  const email = uniqueEmail("bestaand");
  await submitRegistration(page, "Bas Bestaand", email);
  await expect(page.getByRole("heading", { name: "Controleer je e-mail" })).toBeVisible();
  const first = await page.getByRole("status").textContent();

  await submitRegistration(page, "Iemand Anders", email, "een-heel-ander-wachtwoord");
  await expect(page.getByRole("heading", { name: "Controleer je e-mail" })).toBeVisible();
  expect(await page.getByRole("status").textContent()).toBe(first);
  // The holder got a note instead of a second account.
  const mails = await mailsTo(email, 2);
  expect(mails).toHaveLength(2);
  const note = mails.find((text) =>
    text.includes("Iemand (misschien jij) probeerde een nieuw Drempel-account te maken met dit e-mailadres."),
  );
  expect(note).toBeDefined();
  expect(note).not.toContain("/verify-email");
  expect(mails.filter((text) => text.includes("/verify-email?token="))).toHaveLength(1);

  await submitRegistration(page, "Zwak Wachtwoord", uniqueEmail("zwak"), "aaaaaaaaaaaa");
  await expect(page.getByText("Dit wachtwoord is te makkelijk te raden.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Wachtwoord")).toHaveAttribute("aria-invalid", "true");
  await submitRegistration(page, "Kort Wachtwoord", uniqueEmail("kort"), "kort-ww");
  await expect(page.getByText("Kies een wachtwoord van minstens 12 tekens.")).toBeVisible();
});
