/** Everything Cascade reads from the environment, with the defaults a fresh install uses. */
export interface AppConfig {
  databaseUrl: string;
  port: number;
  host: string;
  /** Minutes without a request before a session ends. */
  sessionIdleMinutes: number;
  /** Hours after sign-in when a session ends regardless of activity. */
  sessionAbsoluteHours: number;
  /** Send the session cookie only over HTTPS. On by default outside development and tests. */
  secureCookies: boolean;
  /** Failed sign-ins per email within the window before further tries are refused. */
  loginMaxFailuresPerAccount: number;
  /** Failed sign-ins per client address within the window. */
  loginMaxFailuresPerAddress: number;
  loginThrottleWindowMinutes: number;
  /** Folder holding the built web app; not served when absent. */
  webRoot: string | null;
  /** Trust X-Forwarded-For from a load balancer in front of Cascade. */
  trustProxy: boolean;
  logLevel: string;
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    databaseUrl: env.DATABASE_URL ?? "./data/cascade.db",
    port: numberFrom(env, "PORT", 3000),
    host: env.HOST ?? "0.0.0.0",
    sessionIdleMinutes: numberFrom(env, "SESSION_IDLE_MINUTES", 30),
    sessionAbsoluteHours: numberFrom(env, "SESSION_ABSOLUTE_HOURS", 12),
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === "true" : env.NODE_ENV === "production",
    loginMaxFailuresPerAccount: numberFrom(env, "LOGIN_MAX_FAILURES_PER_ACCOUNT", 5),
    loginMaxFailuresPerAddress: numberFrom(env, "LOGIN_MAX_FAILURES_PER_ADDRESS", 50),
    loginThrottleWindowMinutes: numberFrom(env, "LOGIN_THROTTLE_WINDOW_MINUTES", 15),
    webRoot: env.WEB_ROOT ?? "dist/web",
    trustProxy: env.TRUST_PROXY === "true",
    logLevel: env.LOG_LEVEL ?? "info",
  };
}
