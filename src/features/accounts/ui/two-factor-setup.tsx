import { useMutation } from "@tanstack/react-query";
import { toDataURL } from "qrcode";
import { type FormEvent, useEffect, useId, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { TextField } from "../../../../web/src/components/form-fields.js";
import { ZOk, ZTotpSetup } from "../auth.schema.js";

/** Groups a base32 key in fours, the way authenticator apps show and ask for it. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

function QrCode({ uri }: { uri: string }) {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    toDataURL(uri, { margin: 2, width: 200, errorCorrectionLevel: "M" })
      .then((url) => {
        if (current) setImage(url);
      })
      .catch(() => setImage(null));
    return () => {
      current = false;
    };
  }, [uri]);
  if (!image) return <div className="qr-placeholder" aria-hidden="true" />;
  return (
    <img
      className="qr-code"
      src={image}
      width={200}
      height={200}
      alt="QR code to add Cascade to your authenticator app"
    />
  );
}

/**
 * Turning two-factor on, step by step: a new key from the server, shown as a QR code and as
 * text for typing by hand, then a code from the app to prove it was added correctly.
 */
export function TwoFactorSetup({ onEnabled }: { onEnabled: () => void }) {
  const [code, setCode] = useState("");
  const codeId = useId();
  const start = useMutation({ mutationFn: () => api.post("/api/auth/totp/setup", ZTotpSetup) });
  const enable = useMutation({
    mutationFn: () => api.post("/api/auth/totp/enable", ZOk, { code }),
    onSuccess: onEnabled,
  });

  if (!start.data) {
    return (
      <div className="stack">
        <p>
          You will need an authenticator app on your phone or computer, such as the one your agency recommends. It shows
          a new six-digit code every 30 seconds, which you type when you sign in.
        </p>
        <ErrorSummary error={isApiError(start.error) ? start.error : null} />
        <div>
          <button type="button" className="button" disabled={start.isPending} onClick={() => start.mutate()}>
            Start setting up two-factor sign-in
          </button>
        </div>
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    enable.mutate();
  };
  const error = isApiError(enable.error) ? enable.error : null;
  return (
    <ol className="steps">
      <li>
        <h3>Add Cascade to your authenticator app</h3>
        <p>In the app, choose to add an account, then scan this QR code.</p>
        <QrCode uri={start.data.otpauthUri} />
        <p>
          If you cannot scan it, type this key into the app instead:{" "}
          <code className="secret">{grouped(start.data.secret)}</code>
        </p>
      </li>
      <li>
        <h3>Type the code the app shows</h3>
        <form onSubmit={submit} noValidate className="form">
          <ErrorSummary error={error} fields={{ code: { id: codeId, label: "Six-digit code" } }} />
          <TextField
            id={codeId}
            label="Six-digit code"
            autoComplete="one-time-code"
            inputMode="numeric"
            width="short"
            value={code}
            onChange={setCode}
            error={error?.messageFor("code")}
          />
          <button type="submit" className="button" disabled={enable.isPending}>
            Turn on two-factor sign-in
          </button>
        </form>
      </li>
    </ol>
  );
}
