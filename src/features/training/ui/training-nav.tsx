import { Link } from "@tanstack/react-router";
import { useSession } from "../../../../web/src/app/session.js";

/** The training pages' own links, shown under each page's header. */
export function TrainingNav() {
  const { can } = useSession();
  return (
    <nav className="training-nav" aria-label="Training">
      <ul>
        <li>
          <Link to="/training/plans">Rollout plans</Link>
        </li>
        <li>
          <Link to="/training/curricula">Curricula</Link>
        </li>
        <li>
          <Link to="/training/sessions">Sessions</Link>
        </li>
        <li>
          <Link to="/training/staff">Who is trained</Link>
        </li>
        {can("trainingSurvey.manage") ? (
          <li>
            <Link to="/training/survey">Pre/post survey</Link>
          </li>
        ) : null}
        <li>
          <Link to="/training/delivery-checks">Delivery checks</Link>
        </li>
      </ul>
    </nav>
  );
}
