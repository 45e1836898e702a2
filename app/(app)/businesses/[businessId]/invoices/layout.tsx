import type { ReactNode } from "react";
import { getBusinessForPage } from "@/lib/platform/auth/page-guards";

// The access check lives here, outside loading.tsx's Suspense boundary, so an outsider
// gets a real 404 status before any streaming starts (not a 200 with a not-found body).
export default async function InvoicesLayout({ children, params }: { children: ReactNode; params: Promise<{ businessId: string }> }) {
  await getBusinessForPage((await params).businessId);
  return children;
}
