import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError, api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { ROLE_LABELS } from "../../access/roles.js";
import { CalendarFeedSection } from "../../calendar/ui/calendar-feed-section.js";
import { ZOk } from "../auth.schema.js";
import { TwoFactorSetup } from "./two-factor-setup.js";

const PASSWORD_FIELDS = {
  currentPassword: { id: "current-password", label: "Current password" },
  newPassword: { id: "new-password", label: "New password" },
  confirmPassword: { id: "confirm-password", label: "New password again" },
};

function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirmPassword, setConfirmPassword] = useState("");
  const [mismatch, setMismatch] = useState<ApiError | null>(null);
  const change = useMutation({
    mutationFn: () => api.post("/api/auth/password", ZOk, { currentPassword, newPassword }),
    onSuccess: () => {
      setCurrentPassword("");
      setNewPassword("");
      setConfirmPassword("");
      onChanged();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Checked here because only the browser knows the second copy; a typo would lock the person out.
    if (newPassword !== confirmPassword) {
      setMismatch(
        new ApiError({
          status: 400,
          code: "VALIDATION",
          title: "Some fields need attention",
          detail: "Some fields need attention.",
          errors: [{ field: "confirmPassword", message: "The two new passwords are not the same." }],
        }),
      );
      return;
    }
    setMismatch(null);
    change.mutate();
  };
  const error = mismatch ?? (isApiError(change.error) ? change.error : null);

  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary error={error} fields={PASSWORD_FIELDS} />
      <TextField
        id={PASSWORD_FIELDS.currentPassword.id}
        label={PASSWORD_FIELDS.currentPassword.label}
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={setCurrentPassword}
        error={error?.messageFor("currentPassword")}
      />
      <TextField
        id={PASSWORD_FIELDS.newPassword.id}
        label={PASSWORD_FIELDS.newPassword.label}
        hint="A phrase of a few unrelated words is easy to remember and hard to guess. No special characters are needed."
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={setNewPassword}
        error={error?.messageFor("newPassword")}
      />
      <TextField
        id={PASSWORD_FIELDS.confirmPassword.id}
        label={PASSWORD_FIELDS.confirmPassword.label}
        type="password"
        autoComplete="new-password"
        value={confirmPassword}
        onChange={setConfirmPassword}
        error={error?.messageFor("confirmPassword")}
      />
      <button type="submit" className="button" disabled={change.isPending}>
        Change password
      </button>
    </form>
  );
}

function TurnOffTwoFactorForm({ onTurnedOff }: { onTurnedOff: () => void }) {
  const [code, setCode] = useState("");
  const turnOff = useMutation({
    mutationFn: () => api.post("/api/auth/totp/disable", ZOk, { code }),
    onSuccess: onTurnedOff,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    turnOff.mutate();
  };
  const error = isApiError(turnOff.error) ? turnOff.error : null;
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary error={error} fields={{ code: { id: "turn-off-code", label: "Six-digit code" } }} />
      <TextField
        id="turn-off-code"
        label="Six-digit code"
        hint="To turn two-factor off, type the code your authenticator app shows now."
        autoComplete="one-time-code"
        inputMode="numeric"
        width="short"
        value={code}
        onChange={setCode}
        error={error?.messageFor("code")}
      />
      <button type="submit" className="button button-secondary" disabled={turnOff.isPending}>
        Turn off two-factor sign-in
      </button>
    </form>
  );
}

export function AccountPage() {
  const { session, refresh } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const { user, agency } = session;
  const afterTwoFactorChange = (message: string) => {
    setNotice(message);
    void refresh();
  };

  return (
    <>
      <PageHeader
        title="Your account"
        intro="Change your password and how you sign in, and see your sessions in your own calendar."
      />
      <div role="status" className={notice ? "notice notice-success" : "visually-hidden"}>
        {notice}
      </div>

      <section aria-labelledby="about-heading" className="panel">
        <h2 id="about-heading">About you</h2>
        <dl className="details">
          <div>
            <dt>Name</dt>
            <dd>{user.displayName}</dd>
          </div>
          <div>
            <dt>Sign-in email</dt>
            <dd>{user.email}</dd>
          </div>
          <div>
            <dt>Roles in Cascade</dt>
            <dd>{user.roles.map((role) => ROLE_LABELS[role]).join(", ") || "None"}</dd>
          </div>
          <div>
            <dt>Agency</dt>
            <dd>{agency.name}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="password-heading" className="panel">
        <h2 id="password-heading">Change your password</h2>
        <p className="muted">You stay signed in here. Anywhere else you are signed in will be signed out.</p>
        <ChangePasswordForm onChanged={() => setNotice("Your password is changed.")} />
      </section>

      <section aria-labelledby="two-factor-heading" className="panel">
        <h2 id="two-factor-heading">Two-factor sign-in</h2>
        {user.totpEnabled ? (
          <>
            <p>
              <strong>Two-factor sign-in is on.</strong> When you sign in, Cascade asks for a code from your
              authenticator app as well as your password.
            </p>
            {agency.requireTotp ? (
              <p className="muted">{agency.name} requires two-factor sign-in, so it cannot be turned off.</p>
            ) : (
              <TurnOffTwoFactorForm onTurnedOff={() => afterTwoFactorChange("Two-factor sign-in is off.")} />
            )}
          </>
        ) : (
          <>
            <p>
              <strong>Two-factor sign-in is off.</strong> Turning it on means a stolen password alone is not enough to
              get into your account.
            </p>
            <TwoFactorSetup onEnabled={() => afterTwoFactorChange("Two-factor sign-in is on.")} />
          </>
        )}
      </section>

      <CalendarFeedSection timeZone={agency.timeZone} />
    </>
  );
}
