import { Link } from "@tanstack/react-router";

/** The training pages' own links, shown under each page's header. */
export function TrainingNav() {
  return (
    <nav className="training-nav" aria-label="Training">
      <ul>
        <li>
          <Link to="/training/plans">Rollout plans</Link>
        </li>
        <li>
          <Link to="/training/sessions">Sessions</Link>
        </li>
        <li>
          <Link to="/training/staff">Who is trained</Link>
        </li>
        <li>
          <Link to="/training/delivery-checks">Delivery checks</Link>
        </li>
      </ul>
    </nav>
  );
}
