import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api } from "../../../../web/src/api/api-client.js";
import { ZDevelopmentDirectory } from "../coach-development.schema.js";
import { coachDevelopmentKeys } from "./coach-development-keys.js";

/**
 * The coaching page's way into coaches' own development: one's own profile, the coaches one
 * mentors (all of them for the coaching supervisor) and the peer roundtables. Shown only to
 * people on the coach roster and to the coaching supervisor.
 */
export function CoachDevelopmentLinks() {
  const directory = useQuery({
    queryKey: coachDevelopmentKeys.directory,
    queryFn: () => api.get("/api/coaching/development", ZDevelopmentDirectory),
  });
  if (!directory.data || directory.data.coaches.length === 0) return null;
  const { ownCoachId, coaches } = directory.data;
  const others = coaches.filter((c) => c.relation !== "coach");
  return (
    <section className="panel" aria-labelledby="coach-development-heading">
      <h2 id="coach-development-heading">Coaches' development</h2>
      <p className="muted">
        Growing as a coach: skill ratings by you and your mentor, observations of your coaching, and roundtables with
        other coaches. Never part of a performance record.
      </p>
      <ul>
        {ownCoachId ? (
          <li>
            <Link to="/coaching/coaches/$coachId/development" params={{ coachId: ownCoachId }}>
              My development
            </Link>
          </li>
        ) : null}
        <li>
          <Link to="/coaching/roundtables">Peer roundtables</Link>
        </li>
      </ul>
      {others.length > 0 ? (
        <>
          <h3>{others.some((c) => c.relation === "mentor") ? "Coaches you mentor" : "Coaches"}</h3>
          <ul>
            {others.map((c) => (
              <li key={c.coachId}>
                <Link to="/coaching/coaches/$coachId/development" params={{ coachId: c.coachId }}>
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
