"use client";
// Registration: the server validates every field; on success we log straight in.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { registerAction } from "@/app/actions/register";
import { ActionForm } from "@/components/forms/action-form";
import { Field, NewPasswordField } from "@/components/forms/field";

const registration = (form: FormData) => ({ name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });

export function RegisterForm() {
  const t = useTranslations();
  const router = useRouter();

  async function logIn(form: FormData) {
    const { email, password } = registration(form);
    const login = await signIn("credentials", { email, password, redirect: false });
    if (!login || login.error) {
      router.push("/login?registered=1");
      return;
    }
    router.push("/businesses");
    router.refresh();
  }

  return (
    <ActionForm
      action={(form) => registerAction(registration(form))}
      onSuccess={(_, form) => logIn(form)}
      rateLimited="wait"
      staysPendingOnSuccess
      submitLabel={t("auth.registerSubmit")}
      pendingLabel={t("auth.registering")}
      buttonClassName="w-full"
    >
      {(fields) => (
        <>
          <Field id="register-name" name="name" autoComplete="name" required label={t("auth.name")} error={fields.name} />
          <Field id="register-email" name="email" type="email" autoComplete="email" required label={t("auth.email")} error={fields.email} />
          <NewPasswordField id="register-password" name="password" label={t("auth.password")} error={fields.password} />
          {Object.keys(fields).length > 0 ? (
            <p role="alert" className="text-sm font-medium text-red-800">
              {t("businessForm.errorSummary")}
            </p>
          ) : null}
        </>
      )}
    </ActionForm>
  );
}
