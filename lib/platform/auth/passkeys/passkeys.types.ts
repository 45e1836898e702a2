// The boundary of passkeys: the browser's WebAuthn answers arrive as JSON, checked in
// shape here and in substance by @simplewebauthn/server.
import { z } from "zod";

const challengeId = z.uuid("validation.invalid");
// The browser's answer (RegistrationResponseJSON / AuthenticationResponseJSON); its fields
// are verified by the library, the size is bounded here.
const webAuthnResponse = z
  .looseObject({
    id: z.string().min(1).max(1024),
    rawId: z.string().min(1).max(1024),
    type: z.literal("public-key"),
    response: z.looseObject({}),
  })
  .refine((value) => JSON.stringify(value).length <= 64_000, "validation.tooLong");

export const finishPasskeyRegistrationSchema = z.object({
  challengeId,
  name: z.string().trim().min(1, "validation.required").max(60, "validation.tooLong"),
  response: webAuthnResponse,
});

export const passkeyLoginSchema = z.object({ challengeId, response: webAuthnResponse });

export type PasskeyDto = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };
