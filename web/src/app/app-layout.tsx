import { Link, Outlet, useRouterState } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { ROLE_LABELS } from "../../../src/features/access/roles.js";
import { useSession } from "./session.js";

/**
 * The frame of every signed-in page: a skip link, who and where you are, one navigation, and
 * the page. After moving to another page, focus goes to its main content so screen reader
 * users start reading there instead of at the top of the header again.
 */
export function AppLayout() {
  const { session, can, signOut } = useSession();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);

  const showsAdmin = can("agency.configure") || can("audit.read");
  const roles = session.user.roles.map((role) => ROLE_LABELS[role]).join(", ");
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <div className="identity">
            <Link to="/" className="brand">
              Cascade
            </Link>
            <span className="agency-name">{session.agency.name}</span>
          </div>
          <div className="signed-in-as">
            <span>
              Signed in as <strong>{session.user.displayName}</strong>
              <span className="muted"> · {roles}</span>
            </span>
            <button type="button" className="button button-secondary button-small" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </div>
        <nav className="main-nav" aria-label="Main">
          <ul>
            <li>
              <Link to="/" activeOptions={{ exact: true }}>
                Home
              </Link>
            </li>
            {can("orgUnits.read") ? (
              <li>
                <Link to="/organization">Organization</Link>
              </li>
            ) : null}
            {can("people.read") ? (
              <li>
                <Link to="/people">People</Link>
              </li>
            ) : null}
            {can("partners.read") ? (
              <li>
                <Link to="/partners">Partners</Link>
              </li>
            ) : null}
            {can("teams.read") ? (
              <li>
                <Link to="/teams">Teams</Link>
              </li>
            ) : null}
            {can("models.read") ? (
              <li>
                <Link to="/model">Practice model</Link>
              </li>
            ) : null}
            {can("modelFocus.set") ? (
              <li>
                <Link to="/model/focus">Monthly focus</Link>
              </li>
            ) : null}
            {can("training.read") ? (
              <li>
                <Link to="/training/plans">Training</Link>
              </li>
            ) : null}
            {can("coaching.participate") || can("coaching.aggregates") ? (
              <li>
                <Link to="/coaching">Coaching</Link>
              </li>
            ) : null}
            {can("fidelity.rate") ? (
              <li>
                <Link to="/fidelity">Fidelity</Link>
              </li>
            ) : can("fidelity.debriefs.read") ? (
              <li>
                <Link to="/fidelity/debriefs">Debriefs</Link>
              </li>
            ) : null}
            {can("fidelity.results.read") ? (
              <li>
                <Link to="/fidelity/results">Fidelity results</Link>
              </li>
            ) : null}
            {showsAdmin ? (
              <li>
                <Link to="/admin">Admin</Link>
              </li>
            ) : null}
            <li>
              <Link to="/account">Account</Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>
          Times are shown in {session.agency.name}'s time zone ({session.agency.timeZone}).
        </p>
      </footer>
    </div>
  );
}
