// The boundary of two-factor settings: codes as typed, the password to turn it off.
import { z } from "zod";

const code = z.string().trim().min(1, "validation.required").max(40, "validation.tooLong");

export const confirmTwoFactorSchema = z.object({ code });

export const disableTwoFactorSchema = z.object({
  password: z.string().min(1, "validation.required").max(200, "validation.tooLong"),
  code,
});

export const firmTwoFactorSchema = z.object({ required: z.boolean() });

export type TwoFactorStatus = { enabled: boolean; enabledAt: Date | null; recoveryCodesLeft: number };
export type TwoFactorEnrolment = { secret: string; uri: string; qrSvg: string };
