import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: {
      id?: string;
      passwordVersion?: number;
      sessionId?: string;
      name?: string | null;
      email?: string | null;
      image?: string | null;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    pwv?: number;
    /** The server-side session (UserSession) this cookie belongs to. */
    sid?: string;
  }
}
