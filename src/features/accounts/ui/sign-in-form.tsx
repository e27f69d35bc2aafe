import { type FormEvent, useId, useState } from "react";
import { ApiError, apiRequest, isApiError, setCsrfToken } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { TextField } from "../../../../web/src/components/form-fields.js";
import { type SessionInfo, ZSessionInfo } from "../auth.schema.js";

interface SignInFormProps {
  onSignedIn: (session: SessionInfo) => void;
  /** When renewing a session, the account is fixed: someone else signing in here would see another's page. */
  fixedEmail?: string;
  submitLabel?: string;
}

/**
 * Email and password, then — only for accounts with two-factor on — a code, while keeping what
 * was typed. Used on the sign-in page and in the dialog that renews an ended session.
 */
export function SignInForm({ onSignedIn, fixedEmail, submitLabel = "Sign in" }: SignInFormProps) {
  const [email, setEmail] = useState(fixedEmail ?? "");
  const [password, setPassword] = useState("");
  const [totpCode, setTotpCode] = useState("");
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const idPrefix = useId();
  const ids = { email: `${idPrefix}-email`, password: `${idPrefix}-password`, totpCode: `${idPrefix}-code` };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const session = await apiRequest("POST", "/api/auth/login", ZSessionInfo, {
        body: { email, password, ...(needsCode ? { totpCode } : {}) },
        renewSession: false,
      });
      setCsrfToken(session.csrfToken);
      setError(null);
      onSignedIn(session);
    } catch (caught) {
      const failure = isApiError(caught)
        ? caught
        : new ApiError({ status: 0, code: "UNKNOWN", title: "Sign-in failed", detail: "Sign-in failed. Try again." });
      // The first answer for a two-factor account just asks for the code: that is a next step, not a mistake.
      if (failure.code === "TOTP_REQUIRED" && !needsCode) {
        setNeedsCode(true);
        setError(null);
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary
        error={error}
        fields={{
          email: { id: ids.email, label: "Work email" },
          password: { id: ids.password, label: "Password" },
          totpCode: { id: ids.totpCode, label: "Two-factor code" },
        }}
      />
      <TextField
        id={ids.email}
        label="Work email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        readOnly={fixedEmail !== undefined}
        error={error?.messageFor("email")}
      />
      <TextField
        id={ids.password}
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={error?.messageFor("password")}
      />
      {needsCode ? (
        <TextField
          id={ids.totpCode}
          label="Two-factor code"
          hint="Open your authenticator app and type the six-digit code it shows for Cascade."
          autoComplete="one-time-code"
          inputMode="numeric"
          width="short"
          value={totpCode}
          onChange={setTotpCode}
          error={error?.messageFor("totpCode")}
        />
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Signing in…" : submitLabel}
      </button>
    </form>
  );
}
