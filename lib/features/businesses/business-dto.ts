// What the app and the API show of a business: plain JSON, calendar dates as YYYY-MM-DD.
import type { Business, KorParticipation, Membership } from "@/lib/platform/db/generated/prisma/client";
import { fromIsoDate, toIsoDate } from "@/lib/platform/validation";
import type { BusinessInput } from "@/lib/features/businesses/business.types";

export type BusinessDto = {
  id: string;
  name: string;
  kvkNumber: string | null;
  vatNumber: string | null;
  filingPeriod: "quarter" | "month";
  /** The first day of business, when known. */
  startedOn: string | null;
  korParticipations: { from: string; to: string | null }[];
  euKor: { exNumber: string | null; from: string | null; memberStates: string[] } | null;
  role: Membership["role"];
  access: Membership["access"];
  createdAt: string;
};

export function toBusinessDto(
  business: Business & { korParticipations: KorParticipation[] },
  membership: Pick<Membership, "role" | "access">,
): BusinessDto {
  return {
    id: business.id,
    name: business.name,
    kvkNumber: business.kvkNumber,
    vatNumber: business.vatNumber,
    filingPeriod: business.filingPeriod === "MONTH" ? "month" : "quarter",
    startedOn: business.startedOn ? toIsoDate(business.startedOn) : null,
    korParticipations: [...business.korParticipations]
      .sort((a, b) => a.from.getTime() - b.from.getTime())
      .map((period) => ({ from: toIsoDate(period.from), to: period.to ? toIsoDate(period.to) : null })),
    euKor: business.euKorEnabled
      ? {
          exNumber: business.euKorExNumber,
          from: business.euKorFrom ? toIsoDate(business.euKorFrom) : null,
          memberStates: business.euKorMemberStates,
        }
      : null,
    role: membership.role,
    access: membership.access,
    createdAt: business.createdAt.toISOString(),
  };
}

/** The columns a BusinessInput sets (participations are written separately). */
export function businessColumns(input: BusinessInput) {
  return {
    name: input.name,
    kvkNumber: input.kvkNumber ?? null,
    vatNumber: input.vatNumber ?? null,
    filingPeriod: input.filingPeriod === "month" ? ("MONTH" as const) : ("QUARTER" as const),
    startedOn: input.startedOn ? fromIsoDate(input.startedOn) : null,
    euKorEnabled: Boolean(input.euKor),
    euKorExNumber: input.euKor?.exNumber ?? null,
    euKorFrom: input.euKor?.from ? fromIsoDate(input.euKor.from) : null,
    euKorMemberStates: input.euKor?.memberStates ?? [],
  };
}

export function participationRows(input: BusinessInput, businessId: string) {
  return input.korParticipations.map((period) => ({
    businessId,
    from: fromIsoDate(period.from),
    to: period.to ? fromIsoDate(period.to) : null,
  }));
}
