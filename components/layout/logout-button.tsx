"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function LogoutButton() {
  const t = useTranslations("nav");
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="rounded px-2 py-1 text-sm text-slate-700 underline hover:bg-slate-200"
    >
      {t("logout")}
    </button>
  );
}
