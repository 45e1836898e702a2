// One JSON file per namespace, so features add messages without touching each other's.
import common from "./common.json";
import nav from "./nav.json";
import language from "./language.json";
import auth from "./auth.json";
import businesses from "./businesses.json";
import business from "./business.json";
import businessForm from "./businessForm.json";
import settings from "./settings.json";
import members from "./members.json";
import validation from "./validation.json";
import errors from "./errors.json";
import invoices from "./invoices.json";
import invoiceForm from "./invoiceForm.json";
import importCsv from "./importCsv.json";
import importEInvoices from "./importEInvoices.json";
import apiTokens from "./apiTokens.json";
import dashboard from "./dashboard.json";
import notifications from "./notifications.json";
import accountant from "./accountant.json";
import account from "./account.json";
import verification from "./verification.json";
import security from "./security.json";
import filing from "./filing.json";
import bank from "./bank.json";
import euKorFiling from "./euKorFiling.json";
import purchases from "./purchases.json";
import vatReturn from "./vatReturn.json";

export default {
  ...common,
  ...nav,
  ...language,
  ...auth,
  ...businesses,
  ...business,
  ...businessForm,
  ...settings,
  ...members,
  ...validation,
  ...errors,
  ...invoices,
  ...invoiceForm,
  ...importCsv,
  ...importEInvoices,
  ...apiTokens,
  ...dashboard,
  ...notifications,
  ...accountant,
  ...account,
  ...verification,
  ...security,
  ...filing,
  ...bank,
  ...euKorFiling,
  ...purchases,
  ...vatReturn,
};
