"use server";
// The account page: password, sessions, two-factor login and passkeys. These stay open while a
// firm's two-factor requirement is not met yet, so the user can meet it here.
import { runAction, type ActionResult } from "@/lib/platform/action-result";
import { requireCaller } from "@/lib/platform/auth/current-user";
import { deletePasskey, finishPasskeyRegistration, startPasskeyRegistration } from "@/lib/platform/auth/passkeys/passkeys";
import { reissueSession } from "@/lib/platform/auth/reissue-session";
import { revokeAllUserSessions, revokeUserSession } from "@/lib/platform/auth/sessions/user-sessions";
import { confirmTwoFactorSetup, disableTwoFactor, startTwoFactorSetup } from "@/lib/platform/auth/two-factor/two-factor";
import type { TwoFactorEnrolment } from "@/lib/platform/auth/two-factor/two-factor.types";
import { changePassword } from "@/lib/features/users/change-password";

const OPEN = { allowTwoFactorSetup: true };

export async function changePasswordAction(input: { currentPassword: string; newPassword: string }): Promise<ActionResult<null>> {
  return runAction(async () => {
    const caller = await requireCaller(OPEN);
    const { passwordVersion } = await changePassword({ caller, input, keepSessionId: caller.sessionId });
    await reissueSession({ userId: caller.userId, passwordVersion });
    return null;
  });
}

/** "Log out" on one session of the list. */
export async function revokeSessionAction(sessionId: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await revokeUserSession({ caller: await requireCaller(OPEN), sessionId });
    return null;
  });
}

/** "Log out everywhere": every other session, or (includingThis) this one too. */
export async function revokeAllSessionsAction(options: { includingThis: boolean }): Promise<ActionResult<{ ended: number }>> {
  return runAction(async () => {
    const caller = await requireCaller(OPEN);
    const ended = await revokeAllUserSessions({ caller, keepSessionId: options.includingThis === true ? null : caller.sessionId });
    return { ended };
  });
}

export async function startTwoFactorSetupAction(): Promise<ActionResult<TwoFactorEnrolment>> {
  return runAction(async () => startTwoFactorSetup({ caller: await requireCaller(OPEN) }));
}

export async function confirmTwoFactorSetupAction(input: { code: string }): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return runAction(async () => confirmTwoFactorSetup({ caller: await requireCaller(OPEN), input }));
}

export async function disableTwoFactorAction(input: { password: string; code: string }): Promise<ActionResult<null>> {
  return runAction(async () => {
    await disableTwoFactor({ caller: await requireCaller(OPEN), input });
    return null;
  });
}

export async function startPasskeyRegistrationAction(): Promise<ActionResult<Awaited<ReturnType<typeof startPasskeyRegistration>>>> {
  return runAction(async () => startPasskeyRegistration({ caller: await requireCaller(OPEN) }));
}

export async function finishPasskeyRegistrationAction(input: {
  challengeId: string;
  name: string;
  response: unknown;
}): Promise<ActionResult<null>> {
  return runAction(async () => {
    await finishPasskeyRegistration({ caller: await requireCaller(OPEN), input });
    return null;
  });
}

export async function deletePasskeyAction(passkeyId: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await deletePasskey({ caller: await requireCaller(OPEN), passkeyId });
    return null;
  });
}
