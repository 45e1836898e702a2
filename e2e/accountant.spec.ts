// The accountant's view end to end: an owner invites an accountant from the business
// settings, the accountant sees the invitation on /accountant and accepts it through the
// link in the invitation mail, sees the client ranked in the
// overview and opens its dashboard with the accountant banner; the owner revokes access
// and the accountant's next request is refused. And the other way in: the accountant asks
// by KVK number (the same answer for an unknown one), the owner approves in the settings.
import { expect, test } from "@playwright/test";
import { createKorBusiness, mailedLink, register, uniqueEmail } from "./helpers";

// Two browser contexts and a dozen page loads each: more than the default minute on a busy machine.
test.describe.configure({ timeout: 150_000 });

test("owner invites, accountant accepts and sees the client, owner revokes, accountant loses it", async ({ browser }) => {
  const year = new Date().getFullYear();
  const businessName = `Klant Studio ${Date.now()}`;
  const accountantName = "Bram Boekhouder";
  const accountantEmail = uniqueEmail("boekhouder");

  const ownerContext = await browser.newContext({ locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const owner = await ownerContext.newPage();
  await register(owner, "Eva Eigenaar", uniqueEmail("eigenaar"));
  const businessUrl = await createKorBusiness(owner, businessName, `${year - 1}-01-01`);
  const businessPath = new URL(businessUrl).pathname;

  const accountantContext = await browser.newContext({ locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const accountant = await accountantContext.newPage();
  await register(accountant, accountantName, accountantEmail);
  // Not granted: the business is a plain 404 for the accountant, and there is no client list yet.
  await accountant.goto(businessPath);
  await expect(accountant.getByRole("heading", { name: "Niet gevonden" })).toBeVisible();

  // The owner invites the accountant read-only.
  await owner.goto(`${businessPath}/settings`);
  const section = owner.getByRole("region", { name: "Boekhouder" });
  await section.getByLabel("E-mailadres van de boekhouder").fill(accountantEmail);
  await section.getByLabel("Toegang").selectOption("READ_ONLY");
  await section.getByRole("button", { name: "Nodig boekhouder uit" }).click();
  await expect(section.getByRole("status")).toHaveText(`Uitnodiging voor ${accountantEmail} staat klaar.`);
  await expect(section.getByRole("button", { name: `Trek uitnodiging voor ${accountantEmail} in` })).toBeVisible();

  // The accountant finds the invitation under "Klanten", and accepts it through the mailed link.
  await accountant.goto("/businesses");
  await accountant.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Klanten" }).click();
  await expect(accountant.getByRole("heading", { level: 1, name: "Je klanten" })).toBeVisible();
  await expect(accountant.getByText("Accepteren of weigeren doe je via de link in de uitnodigingsmail.")).toBeVisible();
  await accountant.goto(await mailedLink(accountantEmail, "/invitation"));
  await accountant.getByRole("button", { name: `Accepteer uitnodiging van ${businessName}` }).click();
  await expect(accountant.getByText(`Je hebt nu toegang tot ${businessName}.`)).toBeVisible();
  await accountant.getByRole("link", { name: "Naar je klanten" }).click();

  // The client is in the overview with its status; its name opens the dashboard with the banner.
  const row = accountant.getByRole("row", { name: new RegExp(businessName) });
  await expect(row).toBeVisible();
  await expect(row.getByText("Veilig")).toBeVisible();
  await expect(accountant.getByRole("region", { name: "Samenvatting" }).getByText("1 klant", { exact: true })).toBeVisible();
  await row.getByRole("link", { name: businessName }).click();
  await expect(accountant.getByRole("heading", { level: 1, name: businessName })).toBeVisible();
  await expect(accountant.getByRole("note")).toContainText(`Je bekijkt ${businessName} als boekhouder (Alleen lezen).`);
  await expect(accountant.getByRole("link", { name: "Terug naar je klanten" })).toBeVisible();

  // The owner sees the accountant and revokes the access.
  await owner.reload();
  await owner.getByRole("button", { name: `Trek toegang van ${accountantName} in` }).click();
  await expect(owner.getByText("Nog geen boekhouder met toegang.")).toBeVisible();

  // The accountant's next request is refused, and the client is gone from the overview.
  await accountant.reload();
  await expect(accountant.getByRole("heading", { name: "Niet gevonden" })).toBeVisible();
  await accountant.goto("/accountant");
  await expect(accountant.getByText("Nog geen klanten.", { exact: false })).toBeVisible();
  await expect(accountant.getByRole("link", { name: businessName })).toHaveCount(0);

  await ownerContext.close();
  await accountantContext.close();
});

test("accountant asks for access by KVK number, the owner approves, the accountant sees the client", async ({ browser }) => {
  const year = new Date().getFullYear();
  const businessName = `Verzoek Studio ${Date.now()}`;
  const accountantName = "Vera Verzoek";
  const accountantEmail = uniqueEmail("verzoek");
  const ownerEmail = uniqueEmail("eigenaar");

  const ownerContext = await browser.newContext({ locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const owner = await ownerContext.newPage();
  await register(owner, "Olga Eigenaar", ownerEmail);
  const businessPath = new URL(await createKorBusiness(owner, businessName, `${year - 1}-01-01`)).pathname;

  const accountantContext = await browser.newContext({ locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const accountant = await accountantContext.newPage();
  await register(accountant, accountantName, accountantEmail);
  await accountant.goto("/accountant");
  const ask = accountant.getByRole("region", { name: "Toegang vragen" });
  const sent = "Als het bedrijf Drempel gebruikt, zijn de eigenaren gevraagd.";

  // A KVK number no business uses gets the very same answer as a real one.
  await ask.getByLabel("KVK-nummer van het bedrijf").fill("87654321");
  await ask.getByRole("button", { name: "Vraag toegang" }).click();
  await expect(ask.getByRole("status")).toHaveText(sent);
  // The real one, narrowed to this owner (the e2e businesses share a KVK number).
  await ask.getByLabel("KVK-nummer van het bedrijf").fill("1234 5678");
  await ask.getByLabel("E-mailadres van de eigenaar (optioneel)").fill(ownerEmail);
  await ask.getByRole("button", { name: "Vraag toegang" }).click();
  await expect(ask.getByRole("status")).toHaveText(sent);
  await expect(ask.getByText(`KVK 12345678, eigenaar ${ownerEmail} — open tot`)).toBeVisible();
  await expect(ask.getByText("KVK 87654321 — open tot")).toBeVisible();
  await expect(ask.getByRole("button", { name: "Trek verzoek voor KVK 87654321 in" })).toBeVisible();

  // Not approved yet: the business is a 404 for the accountant.
  await accountant.goto(businessPath);
  await expect(accountant.getByRole("heading", { name: "Niet gevonden" })).toBeVisible();

  // The owner sees the request in the settings and approves it with read-and-write access.
  await owner.goto(`${businessPath}/settings`);
  const section = owner.getByRole("region", { name: "Boekhouder" });
  await expect(section.getByText(`${accountantName} (${accountantEmail}) vraagt toegang; verloopt`)).toBeVisible();
  await section.getByLabel(`Toegang voor ${accountantName}`).selectOption("READ_WRITE");
  await section.getByRole("button", { name: `Keur verzoek van ${accountantName} goed` }).click();
  await expect(section.getByRole("button", { name: `Trek toegang van ${accountantName} in` })).toBeVisible();
  await expect(section.getByLabel(`Toegang van ${accountantName}`)).toHaveValue("READ_WRITE");
  await expect(section.getByText("vraagt toegang")).toHaveCount(0);

  // The accountant now has the client in the overview and opens it with write access.
  await accountant.goto("/accountant");
  await expect(
    accountant.getByRole("region", { name: "Toegang vragen" }).getByText(`KVK 12345678, eigenaar ${ownerEmail} — goedgekeurd`),
  ).toBeVisible();
  const row = accountant.getByRole("row", { name: new RegExp(businessName) });
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: businessName }).click();
  await expect(accountant.getByRole("heading", { level: 1, name: businessName })).toBeVisible();
  await expect(accountant.getByRole("note")).toContainText(`Je bekijkt ${businessName} als boekhouder (Lezen en facturen registreren).`);

  await ownerContext.close();
  await accountantContext.close();
});
