"use client";
// The form that adds or changes one purchase. Euro amounts are typed as text ("1.234,56")
// and sent as cents; what the server refuses comes back per field and is shown beside it.
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createPurchaseAction, updatePurchaseAction } from "@/lib/features/purchases/actions";
import { Field, SelectField } from "@/components/forms/field";
import { parseEuroInput } from "@/lib/features/dashboard/kor-comparison";
import { PURCHASE_CATEGORIES, PURCHASE_RATES, PURCHASE_VAT_TREATMENTS, type PurchaseDto } from "@/lib/features/purchases/purchase.types";
import { Card } from "@/components/ui/card";

export type PurchaseDraft = {
  documentKind: "invoice" | "receipt";
  date: string;
  supplierName: string;
  supplierCountry: string;
  supplierVatId: string;
  reference: string;
  net: string;
  vat: string;
  ratePercent: string;
  vatTreatment: string;
  category: string;
  description: string;
  /** For a credit note: the id of the purchase invoice it corrects, or "". */
  creditsPurchaseId: string;
};

const euroText = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");

export function draftOf(purchase: PurchaseDto | null, today: string): PurchaseDraft {
  if (!purchase) {
    return {
      documentKind: "invoice",
      date: today,
      supplierName: "",
      supplierCountry: "NL",
      supplierVatId: "",
      reference: "",
      net: "",
      vat: "",
      ratePercent: "21",
      vatTreatment: "NL_VAT",
      category: "COSTS",
      description: "",
      creditsPurchaseId: "",
    };
  }
  return {
    documentKind: purchase.documentKind,
    date: purchase.date,
    supplierName: purchase.supplier.name,
    supplierCountry: purchase.supplier.country,
    supplierVatId: purchase.supplier.vatId ?? "",
    reference: purchase.reference ?? "",
    net: euroText(purchase.netCents),
    vat: euroText(purchase.vatCents),
    ratePercent: String(purchase.ratePercent),
    vatTreatment: purchase.vatTreatment,
    category: purchase.category,
    description: purchase.description ?? "",
    creditsPurchaseId: purchase.creditsPurchaseId ?? "",
  };
}

// Server field paths → the form's fields.
const FIELD_OF: Record<string, keyof PurchaseDraft> = {
  "supplier.name": "supplierName",
  "supplier.country": "supplierCountry",
  "supplier.vatId": "supplierVatId",
  netCents: "net",
  vatCents: "vat",
};

type Props = {
  businessId: string;
  editing: PurchaseDto | null;
  today: string;
  /** The purchase invoices a credit note may correct (the year shown). */
  invoices?: PurchaseDto[];
  onDone: (message: string) => void;
  onCancel: () => void;
};

export function PurchaseForm({ businessId, editing, today, invoices = [], onDone, onCancel }: Props) {
  const t = useTranslations("purchases");
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [draft, setDraft] = useState<PurchaseDraft>(() => draftOf(editing, today));
  const [errors, setErrors] = useState<Partial<Record<keyof PurchaseDraft, string>>>({});
  const [status, setStatus] = useState("");
  const set = (field: keyof PurchaseDraft) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });

  // A credit from the supplier (a negative amount) may name the purchase invoice it corrects.
  const typedNet = parseEuroInput(draft.net);
  const isCredit = (typedNet !== null && typedNet < 0) || draft.creditsPurchaseId !== "";
  const creditable = invoices.filter((invoice) => invoice.documentKind === "invoice" && invoice.netCents > 0 && invoice.id !== editing?.id);

  const save = () => {
    const netCents = parseEuroInput(draft.net);
    const vatCents = draft.vat.trim() === "" ? undefined : parseEuroInput(draft.vat);
    const local: Partial<Record<keyof PurchaseDraft, string>> = {};
    if (draft.net.trim() === "") local.net = "validation.required";
    else if (netCents === null) local.net = "validation.amount";
    if (vatCents === null) local.vat = "validation.amount";
    if (Object.keys(local).length) {
      setErrors(local);
      setStatus(t("failed"));
      return;
    }
    const input = {
      documentKind: draft.documentKind,
      date: draft.date,
      supplier: { name: draft.supplierName, country: draft.supplierCountry, vatId: draft.supplierVatId },
      reference: draft.reference,
      netCents,
      ...(vatCents === undefined ? {} : { vatCents }),
      ratePercent: Number(draft.ratePercent),
      vatTreatment: draft.vatTreatment,
      category: draft.category,
      description: draft.description,
      // Only a credit (negative) names the invoice it corrects.
      creditsPurchaseId: netCents !== null && netCents < 0 && draft.creditsPurchaseId ? draft.creditsPurchaseId : null,
    };
    startTransition(async () => {
      const result = editing ? await updatePurchaseAction(businessId, editing.id, input) : await createPurchaseAction(businessId, input);
      if (!result.ok) {
        const fields: Partial<Record<keyof PurchaseDraft, string>> = {};
        for (const [path, message] of Object.entries(result.error.fields))
          fields[FIELD_OF[path] ?? (path as keyof PurchaseDraft)] ??= message;
        setErrors(fields);
        setStatus(t("failed"));
        return;
      }
      setErrors({});
      setStatus("");
      if (!editing) setDraft(draftOf(null, today));
      onDone(t("saved", { name: result.data.supplier.name }));
      router.refresh();
    });
  };

  return (
    <Card
      as="form"
      padding="compact"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {editing ? t("editTitle", { name: editing.supplier.name }) : t("addTitle")}
      </h2>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <SelectField
          id={`${id}-kind`}
          label={t("field.documentKind")}
          value={draft.documentKind}
          onChange={set("documentKind")}
          error={errors.documentKind}
        >
          <option value="invoice">{t("kind.invoice")}</option>
          <option value="receipt">{t("kind.receipt")}</option>
        </SelectField>
        <Field
          id={`${id}-date`}
          type="date"
          label={t("field.date")}
          value={draft.date}
          onChange={set("date")}
          error={errors.date}
          required
        />
        <Field
          id={`${id}-supplier`}
          label={t("field.supplierName")}
          value={draft.supplierName}
          onChange={set("supplierName")}
          error={errors.supplierName}
          maxLength={200}
          required
          autoComplete="organization"
        />
        <Field
          id={`${id}-country`}
          label={t("field.supplierCountry")}
          hint={t("field.supplierCountryHint")}
          value={draft.supplierCountry}
          onChange={set("supplierCountry")}
          error={errors.supplierCountry}
          maxLength={2}
          autoCapitalize="characters"
        />
        <Field
          id={`${id}-vatid`}
          label={t("field.supplierVatId")}
          value={draft.supplierVatId}
          onChange={set("supplierVatId")}
          error={errors.supplierVatId}
          maxLength={20}
        />
        <Field
          id={`${id}-reference`}
          label={t("field.reference")}
          value={draft.reference}
          onChange={set("reference")}
          error={errors.reference}
          maxLength={60}
        />
        <SelectField
          id={`${id}-treatment`}
          label={t("field.treatment")}
          value={draft.vatTreatment}
          onChange={set("vatTreatment")}
          error={errors.vatTreatment}
        >
          {PURCHASE_VAT_TREATMENTS.map((code) => (
            <option key={code} value={code}>
              {t(`treatment.${code}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${id}-category`}
          label={t("field.category")}
          value={draft.category}
          onChange={set("category")}
          error={errors.category}
        >
          {PURCHASE_CATEGORIES.map((code) => (
            <option key={code} value={code}>
              {t(`category.${code}`)}
            </option>
          ))}
        </SelectField>
        <Field
          id={`${id}-net`}
          inputMode="decimal"
          label={t("field.net")}
          value={draft.net}
          onChange={set("net")}
          error={errors.net}
          required
        />
        <SelectField
          id={`${id}-rate`}
          label={t("field.rate")}
          value={draft.ratePercent}
          onChange={set("ratePercent")}
          error={errors.ratePercent}
        >
          {PURCHASE_RATES.map((rate) => (
            <option key={rate} value={rate}>
              {t(`rate.${rate}`)}
            </option>
          ))}
        </SelectField>
        <Field
          id={`${id}-vat`}
          inputMode="decimal"
          label={t("field.vat")}
          hint={t("field.vatHint")}
          value={draft.vat}
          onChange={set("vat")}
          error={errors.vat}
        />
        {isCredit ? (
          <SelectField
            id={`${id}-credits`}
            label={t("field.creditsPurchase")}
            hint={t("field.creditsPurchaseHint")}
            value={draft.creditsPurchaseId}
            onChange={set("creditsPurchaseId")}
            error={errors.creditsPurchaseId}
          >
            <option value="">{t("field.creditsPurchaseNone")}</option>
            {creditable.map((invoice) => (
              <option key={invoice.id} value={invoice.id}>
                {invoice.supplier.name} · {invoice.reference ?? "—"} · {invoice.date}
              </option>
            ))}
            {draft.creditsPurchaseId && !creditable.some((invoice) => invoice.id === draft.creditsPurchaseId) ? (
              <option value={draft.creditsPurchaseId}>{t("field.creditsPurchaseOther")}</option>
            ) : null}
          </SelectField>
        ) : null}
        <Field
          id={`${id}-description`}
          label={t("field.description")}
          value={draft.description}
          onChange={set("description")}
          error={errors.description}
          maxLength={500}
        />
      </div>
      <div className="mt-4 flex flex-wrap gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? t("saving") : editing ? t("saveChanges") : t("save")}
        </button>
        {editing ? (
          <button type="button" onClick={onCancel} className="rounded-md border border-slate-400 px-4 py-2 hover:bg-slate-100">
            {t("cancel")}
          </button>
        ) : null}
      </div>
      <p role="status" className="mt-2 min-h-5 text-sm font-medium text-red-800">
        {status}
      </p>
    </Card>
  );
}
