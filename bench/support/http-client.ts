/** Signing in and reading JSON over HTTP, as a browser would, for the benchmarks' setup steps. */

export interface SignedIn {
  /** The session cookie as a `name=value` pair, for a Cookie header. */
  cookie: string;
  personId: string | null;
}

export async function signIn(origin: string, email: string, password: string): Promise<SignedIn> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("cascade_session="));
  if (!cookie) throw new Error(`sign-in as ${email} set no session cookie`);
  const session = (await response.json()) as { user: { personId: string | null } };
  return { cookie, personId: session.user.personId };
}

export async function getJson<T>(origin: string, path: string, cookie: string): Promise<T> {
  const response = await fetch(`${origin}${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
