import { Link } from "@tanstack/react-router";
import { isApiError } from "../api/api-client.js";

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

/** Explains a failed load in plain words, with the way forward. */
export function LoadError({ error, what }: { error: unknown; what: string }) {
  if (isApiError(error) && error.status === 403) {
    return (
      <div className="notice" role="alert">
        <h2>You do not have access to {what}</h2>
        <p>Your role does not include this. If you need it for your work, ask your agency's Cascade administrator.</p>
        <p>
          <Link to="/">Go to your home page</Link>
        </p>
      </div>
    );
  }
  if (isApiError(error) && error.status === 404) {
    return (
      <div className="notice" role="alert">
        <h2>We could not find {what}</h2>
        <p>It may have been removed, or the link may be wrong.</p>
        <p>
          <Link to="/">Go to your home page</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="notice notice-error" role="alert">
      <h2>We could not load {what}</h2>
      <p>{error instanceof Error ? error.message : "Something went wrong."} Reload the page to try again.</p>
    </div>
  );
}
