import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { Action } from "../../../src/features/access/policy.js";
import { type SessionInfo, ZOk, ZSessionInfo } from "../../../src/features/accounts/auth.schema.js";
import { SignInForm } from "../../../src/features/accounts/ui/sign-in-form.js";
import { SignInPage } from "../../../src/features/accounts/ui/sign-in-page.js";
import { TotpSetupRequiredPage } from "../../../src/features/accounts/ui/totp-setup-required-page.js";
import { ApiError, apiRequest, isApiError, setCsrfToken, setSessionRenewal } from "../api/api-client.js";
import { queryKeys } from "../api/query-keys.js";
import { ModalDialog } from "../components/modal-dialog.js";
import { LoadError, Loading } from "../components/query-status.js";

interface SessionContextValue {
  session: SessionInfo;
  can: (action: Action) => boolean;
  signOut: () => Promise<void>;
  /** Reloads the session, e.g. after turning two-factor on. */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession is only available inside the signed-in app");
  return value;
}

async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = await apiRequest("GET", "/api/auth/session", ZSessionInfo, { renewSession: false });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

interface PendingRenewal {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Decides what the whole app shows: the sign-in page, the two-factor setup the agency
 * requires, or the signed-in app. While signed in, an ended session is renewed in a dialog
 * over the current page, so a half-filled form survives it.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessionQuery = useQuery({
    queryKey: queryKeys.session,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [renewal, setRenewal] = useState<PendingRenewal | null>(null);
  const session = sessionQuery.data ?? null;

  const acceptSession = useCallback(
    (next: SessionInfo | null) => {
      setCsrfToken(next?.csrfToken ?? null);
      queryClient.setQueryData(queryKeys.session, next);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    await apiRequest("POST", "/api/auth/logout", ZOk, { renewSession: false }).catch(() => undefined);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
    acceptSession(null);
    await navigate({ to: "/" });
  }, [queryClient, acceptSession, navigate]);

  const signedIn = session !== null;
  useEffect(() => {
    if (!signedIn) return;
    setSessionRenewal(() => new Promise<void>((resolve, reject) => setRenewal({ resolve, reject })));
    return () => setSessionRenewal(null);
  }, [signedIn]);

  const value = useMemo<SessionContextValue | null>(
    () =>
      session && {
        session,
        can: (action) => session.permissions.includes(action),
        signOut,
        refresh: async () => {
          await queryClient.invalidateQueries({ queryKey: queryKeys.session });
        },
      },
    [session, signOut, queryClient],
  );

  if (sessionQuery.isPending) return <Loading what="Cascade" />;
  if (sessionQuery.isError) {
    return (
      <main id="main" className="signed-out-main">
        <LoadError error={sessionQuery.error} what="Cascade" />
      </main>
    );
  }
  if (!value) return <SignInPage onSignedIn={acceptSession} />;
  return (
    <SessionContext.Provider value={value}>
      {value.session.totpSetupRequired ? <TotpSetupRequiredPage /> : children}
      {renewal ? (
        <ModalDialog title="Sign in again to continue">
          <p>
            For your security, you were signed out after a while without activity. Sign in again and Cascade will finish
            what you were doing. Nothing you typed has been lost.
          </p>
          <SignInForm
            fixedEmail={value.session.user.email}
            submitLabel="Sign in and continue"
            onSignedIn={(next) => {
              acceptSession(next);
              setRenewal(null);
              renewal.resolve();
            }}
          />
          <p>
            <button
              type="button"
              className="button-link"
              onClick={() => {
                setRenewal(null);
                renewal.reject(
                  new ApiError({
                    status: 401,
                    code: "UNAUTHENTICATED",
                    title: "Signed out",
                    detail: "You signed out.",
                  }),
                );
                void signOut();
              }}
            >
              Sign out instead
            </button>
          </p>
        </ModalDialog>
      ) : null}
    </SessionContext.Provider>
  );
}
