import { Link } from "@tanstack/react-router";
import { PageHeader } from "../components/page-header.js";

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" intro="There is no page at this address. The link may be old or mistyped." />
      <p>
        <Link to="/" className="button">
          Go to your home page
        </Link>
      </p>
    </>
  );
}
