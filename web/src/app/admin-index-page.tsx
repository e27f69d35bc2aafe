import { Link } from "@tanstack/react-router";
import { ApiError } from "../api/api-client.js";
import { PageHeader } from "../components/page-header.js";
import { LoadError } from "../components/query-status.js";
import { AdminNav } from "./admin-nav.js";
import { useSession } from "./session.js";

export function AdminIndexPage() {
  const { can, session } = useSession();
  const configures = can("agency.configure");
  const readsAudit = can("audit.read");
  if (!configures && !readsAudit) {
    return (
      <>
        <PageHeader title="Admin" />
        <LoadError
          error={new ApiError({ status: 403, code: "FORBIDDEN", title: "Not allowed" })}
          what="the admin area"
        />
      </>
    );
  }
  return (
    <>
      <AdminNav />
      <PageHeader title="Admin" intro={`Look after how Cascade works for ${session.agency.name}.`} />
      <ul className="next-steps">
        {configures ? (
          <li>
            <Link to="/admin/agency" className="next-step">
              <span className="next-step-title">Agency settings</span>
              <span className="next-step-description">The agency's name, time zone and two-factor rule.</span>
            </Link>
          </li>
        ) : null}
        {readsAudit ? (
          <li>
            <Link to="/admin/audit" className="next-step">
              <span className="next-step-title">Audit log</span>
              <span className="next-step-description">Every sign-in and every change: who, what and when.</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}
