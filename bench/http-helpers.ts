// Shared by the benchmarks, the scale test and the sqlmap scan: waiting for a started
// server, signing in, percentiles, a process's CPU time.
import fs from "node:fs";

/** Resolves once `url` answers 2xx; throws after `timeoutMs`. */
export async function waitFor(url: string, timeoutMs = 90_000, pollMs = 300): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new Error(`${url} did not come up`);
}

/** The p-th percentile (nearest rank) of ascending values. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

// USER_HZ: 100 on every Linux that Node.js runs on (getconf CLK_TCK).
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux); null
 * elsewhere. The benchmarks divide the server's share by the requests it answered: the
 * web server's own cost per request, apart from PostgreSQL's and the load generator's.
 */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** ", web server CPU x ms/request" since `before` (processCpuMs), or "" where it cannot be read. */
export function serverCpuNote(pid: number | undefined, before: number | null, requests: number): string {
  const after = processCpuMs(pid);
  return before !== null && after !== null && requests > 0 ? `, web server CPU ${((after - before) / requests).toFixed(2)} ms/request` : "";
}

/** Signs in at `base` through next-auth's credentials endpoint, as the login form does; returns the Cookie header. */
export async function sessionCookie(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const index = pair!.indexOf("=");
      jar.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(signIn);
  if (!jar.has("next-auth.session-token")) throw new Error(`sign-in failed (${signIn.status})`);
  return cookie();
}
