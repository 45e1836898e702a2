import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/platform/auth/current-user";
import { landingPath } from "@/lib/platform/auth/landing-path";

export const dynamic = "force-dynamic";

// The landing page after login (lib/platform/auth/landing-path.ts): /accountant for an accountant without a business of his own, else /businesses.
export default async function Home() {
  const user = await getCurrentUser();
  redirect(user ? await landingPath(user) : "/login");
}
