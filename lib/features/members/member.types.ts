// The boundary of membership changes.
import { z } from "zod";

export const addMemberSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("validation.email")),
  role: z.enum(["MEMBER", "OWNER"], "validation.role").default("MEMBER"),
});

export const changeMemberRoleSchema = z.object({
  role: z.enum(["MEMBER", "OWNER"], "validation.role"),
});

export type MemberDto = {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: "OWNER" | "MEMBER" | "ACCOUNTANT";
  access: "READ_ONLY" | "READ_WRITE";
  createdAt: string;
};
