import { Link } from "@tanstack/react-router";

/** On the home page: training surveys that wait for the person's answers, with the way to them. */
export function SurveysWaitingNotice({ count }: { count: number }) {
  const surveys = count === 1 ? "1 training survey" : `${count} training surveys`;
  return (
    <section className="panel" aria-labelledby="surveys-waiting-heading">
      <h2 id="surveys-waiting-heading">{surveys} waiting for you</h2>
      <p>
        Your trainers ask how confident and able you feel with the practice model, before and after a session. It takes
        a few minutes, and your answers help them shape the training.
      </p>
      <p>
        <Link to="/training/sessions" hash="my-surveys-heading" className="button">
          Answer {count === 1 ? "the survey" : "the surveys"}
        </Link>
      </p>
    </section>
  );
}
