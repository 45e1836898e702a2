// The boundary of registration and profile changes.
import { z } from "zod";

export const registerSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
  email: z.string().trim().toLowerCase().pipe(z.email("validation.email")).pipe(z.string().max(254, "validation.tooLong")),
  password: z.string().min(10, "validation.passwordShort").max(200, "validation.tooLong"),
  locale: z.enum(["nl", "en"]).default("nl"),
});

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("validation.email")),
  password: z.string().min(1, "validation.required").max(200, "validation.tooLong"),
});

export const localeSchema = z.enum(["nl", "en"]);
export type Locale = z.infer<typeof localeSchema>;
