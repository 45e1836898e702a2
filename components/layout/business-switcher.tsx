"use client";
// Switches between the caller's businesses, keeping the page kind (overview or settings).
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

export function BusinessSwitcher({ businesses }: { businesses: { id: string; name: string }[] }) {
  const t = useTranslations("nav");
  const router = useRouter();
  const pathname = usePathname();
  const match = /^\/businesses\/([0-9a-f-]{36})(\/.*)?$/.exec(pathname);
  const currentId = match?.[1] ?? "";
  if (businesses.length === 0) return null;
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="business-switcher" className="sr-only">
        {t("switchBusiness")}
      </label>
      <select
        id="business-switcher"
        value={currentId}
        onChange={(event) => {
          if (event.target.value) router.push(`/businesses/${event.target.value}${match?.[2] ?? ""}`);
        }}
        className="max-w-[12rem] rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        <option value="">{t("chooseBusiness")}</option>
        {businesses.map((business) => (
          <option key={business.id} value={business.id}>
            {business.name}
          </option>
        ))}
      </select>
    </div>
  );
}
