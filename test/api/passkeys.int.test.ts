// Passkeys against the real database and @simplewebauthn/server, with a software
// authenticator (an ES256 key pair, WebAuthn's byte layouts and "none" attestation) that
// answers challenges as a browser's would: a passkey is added, logs in through next-auth's
// "passkey" provider, and is refused for a used or foreign challenge, a forged signature,
// another site's origin, or once removed. Another user cannot remove it; it meets a
// firm's two-factor requirement.
import crypto from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/platform/auth/options";
import {
  deletePasskey,
  finishPasskeyRegistration,
  listPasskeys,
  passkeyRelyingParty,
  startPasskeyLogin,
  startPasskeyRegistration,
} from "@/lib/platform/auth/passkeys/passkeys";
import { findSessionUser } from "@/lib/platform/auth/sessions/session-user";
import { db } from "@/lib/platform/db/client";
import { createUserWithPassword } from "@/test/integration/factories";
import { runAsSystem, runWithoutContext } from "@/lib/platform/db/db-context";

// --- a software authenticator -------------------------------------------------------
const b64url = (bytes: Uint8Array | Buffer | string) => Buffer.from(bytes).toString("base64url");

function cbor(value: unknown): Buffer {
  const head = (major: number, length: number) => {
    if (length < 24) return Buffer.from([(major << 5) | length]);
    if (length < 256) return Buffer.from([(major << 5) | 24, length]);
    return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff]);
  };
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), Buffer.from(value)]);
  if (value instanceof Map) return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
  throw new Error(`cbor: ${typeof value}`);
}

function softwareAuthenticator(origin = passkeyRelyingParty().origin) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const credentialId = crypto.randomBytes(16);
  const rpIdHash = crypto.createHash("sha256").update(passkeyRelyingParty().rpID).digest();
  let signCount = 0;
  const count = () => {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(++signCount);
    return bytes;
  };
  const clientData = (type: string, challenge: string) => Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  return {
    id: b64url(credentialId),
    register(challenge: string) {
      const coseKey = cbor(
        new Map<number, unknown>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, Buffer.from(jwk.x!, "base64url")],
          [-3, Buffer.from(jwk.y!, "base64url")],
        ]),
      );
      const idLength = Buffer.from([credentialId.length >> 8, credentialId.length & 0xff]);
      const authData = Buffer.concat([rpIdHash, Buffer.from([0x45]), count(), Buffer.alloc(16), idLength, credentialId, coseKey]);
      const attestationObject = cbor(
        new Map<string, unknown>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", authData],
        ]),
      );
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: "public-key",
        response: {
          clientDataJSON: b64url(clientData("webauthn.create", challenge)),
          attestationObject: b64url(attestationObject),
          transports: ["internal"],
        },
        clientExtensionResults: {},
        authenticatorAttachment: "platform",
      };
    },
    login(challenge: string, options: { userId: string; forge?: boolean }) {
      const authenticatorData = Buffer.concat([rpIdHash, Buffer.from([0x05]), count()]);
      const clientDataJSON = clientData("webauthn.get", challenge);
      const signed = Buffer.concat([authenticatorData, crypto.createHash("sha256").update(clientDataJSON).digest()]);
      const signature = crypto.sign("sha256", options.forge ? Buffer.from("something else") : signed, privateKey);
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: "public-key",
        response: {
          clientDataJSON: b64url(clientDataJSON),
          authenticatorData: b64url(authenticatorData),
          signature: b64url(signature),
          userHandle: b64url(options.userId),
        },
        clientExtensionResults: {},
      };
    },
  };
}
// -------------------------------------------------------------------------------------

const passkeyProvider = () =>
  // next-auth merges a provider's own options (its id among them) when it starts; here they are still apart.
  (
    authOptions.providers.find(
      (provider) => (provider as unknown as { options?: { id?: string } }).options?.id === "passkey",
    ) as unknown as {
      options: { authorize: (credentials: Record<string, string>, req: unknown) => Promise<Record<string, unknown> | null> };
    }
  ).options;

async function loginWith(
  authenticator: ReturnType<typeof softwareAuthenticator>,
  userId: string,
  options: { forge?: boolean; challenge?: { challengeId: string; challenge: string } } = {},
) {
  const started: { challengeId: string; challenge: string } =
    options.challenge ??
    (await startPasskeyLogin({ ip: "198.51.100.1" }).then((s) => ({ challengeId: s.challengeId, challenge: s.options.challenge })));
  const response = authenticator.login(started.challenge, { userId, forge: options.forge });
  // As the web logs in: nobody is logged in yet (system mode is the worker's role's alone).
  const user = await runWithoutContext(() =>
    passkeyProvider().authorize(
      { challengeId: started.challengeId, response: JSON.stringify(response) },
      { headers: { "user-agent": "test" } },
    ),
  );
  return { user, started };
}

async function addPasskey(userId: string, authenticator = softwareAuthenticator(), name = "Laptop") {
  const { challengeId, options } = await startPasskeyRegistration({ caller: { userId } });
  expect(options.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "required" });
  await finishPasskeyRegistration({
    caller: { userId },
    input: { challengeId, name, response: authenticator.register(options.challenge) },
  });
  return authenticator;
}

let user: { id: string; email: string };
beforeEach(async () => {
  const registered = await createUserWithPassword({
    name: "Pas Sleutel",
    email: `passkey-${crypto.randomBytes(4).toString("hex")}@test.drempel.nl`,
    password: "correct horse battery staple",
  });
  user = { id: registered.id, email: registered.email };
});

describe("passkeys", () => {
  it("are added with a verified registration and log in without a password, each challenge once", async () => {
    const authenticator = await addPasskey(user.id);
    expect((await listPasskeys({ caller: { userId: user.id } })).map((p) => p.name)).toEqual(["Laptop"]);

    const { user: signedIn, started } = await loginWith(authenticator, user.id);
    expect(signedIn).toMatchObject({ id: user.id, email: user.email });
    // The session it starts is a live one.
    expect(await findSessionUser({ userId: user.id, sessionId: signedIn!.sessionId, passwordVersion: 1 })).toMatchObject({ id: user.id });
    // The same challenge again (a replayed answer) is refused.
    expect((await loginWith(authenticator, user.id, { challenge: started })).user).toBeNull();
    expect((await listPasskeys({ caller: { userId: user.id } }))[0]!.lastUsedAt).not.toBeNull();
  });

  it("refuse a forged signature, an unknown passkey, an answer made for another site, and a malformed answer", async () => {
    const authenticator = await addPasskey(user.id);
    expect((await loginWith(authenticator, user.id, { forge: true })).user).toBeNull();
    expect((await loginWith(softwareAuthenticator(), user.id)).user).toBeNull();
    const phished = softwareAuthenticator("https://drempel-login.example");
    await expect(addPasskey(user.id, phished)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { response: "security.passkeys.failed" },
    });
    const { challengeId } = await startPasskeyLogin({});
    for (const response of ["not json", "{}", JSON.stringify({ id: authenticator.id })]) {
      expect(await passkeyProvider().authorize({ challengeId, response }, { headers: {} })).toBeNull();
    }
  });

  it("a registration's challenge serves only the user who asked for it", async () => {
    const other = await createUserWithPassword({
      name: "Ander",
      email: `other-${crypto.randomBytes(4).toString("hex")}@test.drempel.nl`,
      password: "correct horse battery staple",
    });
    const authenticator = softwareAuthenticator();
    const { challengeId, options } = await startPasskeyRegistration({ caller: { userId: user.id } });
    const response = authenticator.register(options.challenge);
    await expect(
      finishPasskeyRegistration({ caller: { userId: other.id }, input: { challengeId, name: "Gestolen", response } }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await listPasskeys({ caller: { userId: other.id } })).toEqual([]);
  });

  it("are removed by their owner only; a removed passkey logs in no more", async () => {
    const authenticator = await addPasskey(user.id);
    const [passkey] = await listPasskeys({ caller: { userId: user.id } });
    const other = await createUserWithPassword({
      name: "Ander",
      email: `other-${crypto.randomBytes(4).toString("hex")}@test.drempel.nl`,
      password: "correct horse battery staple",
    });
    await expect(deletePasskey({ caller: { userId: other.id }, passkeyId: passkey!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await loginWith(authenticator, user.id)).user).toMatchObject({ id: user.id });
    await deletePasskey({ caller: { userId: user.id }, passkeyId: passkey!.id });
    expect((await loginWith(authenticator, user.id)).user).toBeNull();
  });

  it("meet a firm's two-factor requirement", async () => {
    const { createFirm } = await import("@/lib/features/accountant/firms");
    const { setFirmTwoFactorRequirement } = await import("@/lib/features/accountant/firm-two-factor");
    const { startUserSession } = await import("@/lib/platform/auth/sessions/user-sessions");
    await createFirm({ caller: { userId: user.id }, input: { name: "Sleutel & Co" } });
    await expect(setFirmTwoFactorRequirement({ caller: { userId: user.id }, input: { required: true } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    await addPasskey(user.id);
    await setFirmTwoFactorRequirement({ caller: { userId: user.id }, input: { required: true } });
    const sessionId = await startUserSession({ userId: user.id });
    expect(await findSessionUser({ userId: user.id, sessionId, passwordVersion: 1 })).toMatchObject({ twoFactorSetupRequired: false });
    await runAsSystem(() => db().passkey.deleteMany({ where: { userId: user.id } }));
    expect(await findSessionUser({ userId: user.id, sessionId, passwordVersion: 1 })).toMatchObject({ twoFactorSetupRequired: true });
  });
});
