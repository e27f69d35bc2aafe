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
  const navItem = (show: boolean, to: string, label: string) =>
    show ? (
      <li key={to}>
        <Link to={to}>{label}</Link>
      </li>
    ) : null;
  // The agency's directory and the person's own links on one row; the practice loop, in the
  // order it runs, on the row below.
  const directory = [
    navItem(can("orgUnits.read"), "/organization", "Organization"),
    navItem(can("people.read"), "/people", "People"),
    navItem(can("partners.read"), "/partners", "Partners"),
    navItem(can("teams.read"), "/teams", "Teams"),
  ].filter((item) => item !== null);
  const practice = [
    navItem(can("models.read"), "/model", "Practice model"),
    navItem(can("modelFocus.set"), "/model/focus", "Monthly focus"),
    navItem(can("training.read"), "/training/plans", "Training"),
    navItem(can("coaching.participate") || can("coaching.aggregates"), "/coaching", "Coaching"),
    can("fidelity.rate")
      ? navItem(true, "/fidelity", "Fidelity")
      : navItem(can("fidelity.debriefs.read"), "/fidelity/debriefs", "Debriefs"),
    navItem(can("fidelity.results.read"), "/fidelity/results", "Fidelity results"),
  ].filter((item) => item !== null);
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
          <ul className="main-nav-groups">
            <li>
              <ul>
                <li>
                  <Link to="/" activeOptions={{ exact: true }}>
                    Home
                  </Link>
                </li>
              </ul>
            </li>
            {directory.length > 0 ? (
              <li className="main-nav-separated">
                <span className="main-nav-group-label" id="main-nav-agency">
                  Agency
                </span>
                <ul aria-labelledby="main-nav-agency">{directory}</ul>
              </li>
            ) : null}
            <li className="main-nav-separated main-nav-own">
              <ul>
                {showsAdmin ? (
                  <li>
                    <Link to="/admin">Admin</Link>
                  </li>
                ) : null}
                <li>
                  <Link to="/account">Account</Link>
                </li>
              </ul>
            </li>
            {practice.length > 0 ? (
              <li className="main-nav-practice">
                <span className="main-nav-group-label" id="main-nav-practice">
                  Practice
                </span>
                <ul aria-labelledby="main-nav-practice">{practice}</ul>
              </li>
            ) : null}
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
