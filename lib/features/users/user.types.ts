// The boundary of registration and profile changes.
import { z } from "zod";
import { passwordContainsEmail, passwordProblem } from "@/lib/platform/auth/password-policy";

/**
 * The one password rule: registration, reset and change all use it (lib/platform/auth/password-policy.ts).
 * Whether it contains the address's local part is checked where the address is known:
 * registerSchema here, and the change and reset functions with the account's address.
 */
export const passwordSchema = z.string().superRefine((password, context) => {
  const problem = passwordProblem(password);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

export const registerSchema = z
  .object({
    name: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
    email: z.string().trim().toLowerCase().pipe(z.email("validation.email")).pipe(z.string().max(254, "validation.tooLong")),
    password: passwordSchema,
    locale: z.enum(["nl", "en"]).default("nl"),
  })
  .superRefine((input, context) => {
    if (passwordContainsEmail(input.password, input.email))
      context.addIssue({ code: "custom", path: ["password"], message: "validation.passwordContainsEmail" });
  });

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("validation.email")),
  password: z.string().min(1, "validation.required").max(200, "validation.tooLong"),
});

export const localeSchema = z.enum(["nl", "en"]);
export type Locale = z.infer<typeof localeSchema>;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("validation.email"))
  .pipe(z.string().max(254, "validation.tooLong"));

export const requestPasswordResetSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({
  token: z.string().min(1, "validation.required").max(200, "validation.tooLong"),
  password: passwordSchema,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "validation.required").max(200, "validation.tooLong"),
  newPassword: passwordSchema,
});
