import { Link } from "@tanstack/react-router";
import { useSession } from "./session.js";

/** The admin area's own small menu, shown above each admin page. */
export function AdminNav() {
  const { can } = useSession();
  return (
    <nav className="sub-nav" aria-label="Admin">
      <ul>
        <li>
          <Link to="/admin" activeOptions={{ exact: true }}>
            Admin overview
          </Link>
        </li>
        {can("agency.configure") ? (
          <li>
            <Link to="/admin/agency">Agency settings</Link>
          </li>
        ) : null}
        {can("audit.read") ? (
          <li>
            <Link to="/admin/audit">Audit log</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
