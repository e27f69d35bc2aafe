import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { api } from "../../../../web/src/api/api-client.js";
import { SelectField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { type CoachCalendar, ZCoachCalendar } from "../coaching.schema.js";

const SPANS = [
  { value: "week", label: "The next 7 days" },
  { value: "month", label: "The next month" },
];

/** A readable day heading, e.g. "Monday 4 January 2027"; dates are calendar days, so no time zone applies. */
function dayHeading(date: string) {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString("en-US", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

function byDay(sessions: CoachCalendar["sessions"]) {
  const days = new Map<string, CoachCalendar["sessions"]>();
  for (const session of sessions) days.set(session.sessionDate, [...(days.get(session.sessionDate) ?? []), session]);
  return [...days.entries()];
}

/**
 * A coach's upcoming sessions, one list per day. It is a plain list on purpose: it reads well with
 * a screen reader and on a phone, and the calendar feed puts the same sessions in any calendar.
 */
export function CoachCalendarPage() {
  const [span, setSpan] = useState<"week" | "month">("week");
  const calendar = useQuery({
    queryKey: ["coaching", "calendar", span],
    queryFn: () => api.get("/api/coaching/calendar", ZCoachCalendar, { span }),
  });
  return (
    <>
      <PageHeader title="Your coaching calendar" intro="The coaching sessions you lead, day by day." />
      <p>
        <Link to="/coaching">Back to coaching</Link> ·{" "}
        <Link to="/account" hash="calendar-heading">
          Put these sessions in your own calendar
        </Link>
      </p>
      <section className="panel" aria-labelledby="calendar-days-heading">
        <h2 id="calendar-days-heading">Sessions</h2>
        <SelectField
          id="calendar-span"
          label="Show"
          value={span}
          onChange={(v) => setSpan(v === "month" ? "month" : "week")}
          options={SPANS}
        />
        {calendar.isPending ? <Loading what="your sessions" /> : null}
        {calendar.isError ? <LoadError error={calendar.error} what="your sessions" /> : null}
        {calendar.data ? (
          <>
            <p className="muted">
              {calendar.data.from} to {calendar.data.to}
            </p>
            {calendar.data.sessions.length === 0 ? (
              <p>
                No sessions in this period. Plan one from an engagement on the <Link to="/coaching">coaching page</Link>
                .
              </p>
            ) : (
              byDay(calendar.data.sessions).map(([date, sessions]) => (
                <div key={date} className="calendar-day">
                  <h3>{dayHeading(date)}</h3>
                  <ul>
                    {sessions.map((s) => (
                      <li key={s.id}>
                        <Link to="/coaching/sessions/$sessionId" params={{ sessionId: s.id }}>
                          {s.startTime ?? "Any time"} · {s.coacheeName}
                        </Link>
                        <span className="muted">
                          {" "}
                          · {s.format}, {s.durationMinutes} minutes{s.location ? ` · ${s.location}` : ""}
                          {s.status === "draft" ? " · not logged yet" : ""}
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              ))
            )}
          </>
        ) : null}
      </section>
    </>
  );
}
