import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useId, useState } from "react";
import { type ApiError, api, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { SelectField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { type Observation, ZObservationForRating } from "../fidelity.schema.js";
import { decimal, EVENT_TYPE_LABELS, fidelityKeys, STATUS_LABELS } from "./fidelity-keys.js";

type ObservationForRating = Observation & {
  scale: { value: number; label: string }[];
  measures: { code: string; name: string; description: string; anchors: { value: number; text: string }[] }[];
};
type Ratings = Record<string, { rating: string; note: string }>;

function NoteField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        id={id}
        className="input input-wide"
        rows={2}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** One measure per fieldset: the level (with what each level looks like) and a note. */
function MeasureFields({
  observation,
  ratings,
  setRatings,
  error,
}: {
  observation: ObservationForRating;
  ratings: Ratings;
  setRatings: (next: Ratings) => void;
  error: ApiError | null;
}) {
  return (
    <>
      {observation.measures.map((measure, index) => {
        const current = ratings[measure.code] ?? { rating: "", note: "" };
        const set = (patch: Partial<typeof current>) =>
          setRatings({ ...ratings, [measure.code]: { ...current, ...patch } });
        return (
          <fieldset key={measure.code} className="fidelity-measure">
            <legend>
              {measure.code} · {measure.name}
            </legend>
            <p className="muted">{measure.description}</p>
            <SelectField
              label={`Rating for ${measure.name}`}
              value={current.rating}
              onChange={(rating) => set({ rating })}
              options={[
                { value: "", label: "Not rated yet" },
                ...observation.scale.map((level) => ({
                  value: String(level.value),
                  label: `${level.value} · ${level.label}: ${measure.anchors.find((a) => a.value === level.value)?.text ?? ""}`,
                })),
              ]}
              error={error?.messageFor(`ratings.${index}`)}
            />
            <NoteField label={`Notes on ${measure.name}`} value={current.note} onChange={(note) => set({ note })} />
          </fieldset>
        );
      })}
    </>
  );
}

const toBody = (ratings: Ratings) =>
  Object.entries(ratings)
    .filter(([, r]) => r.rating !== "")
    .map(([measureCode, r]) => ({ measureCode, rating: Number(r.rating), note: r.note }));

function fromRatings(list: { measureCode: string; rating: number; note: string }[] | null | undefined): Ratings {
  return Object.fromEntries((list ?? []).map((r) => [r.measureCode, { rating: String(r.rating), note: r.note }]));
}

function MyRatingsForm({ observation }: { observation: ObservationForRating }) {
  const queryClient = useQueryClient();
  const mine = observation.observers.find((o) => o.observerId === observation.viewerObserverId);
  const [ratings, setRatings] = useState<Ratings>(() => fromRatings(mine?.ratings));
  const save = useMutation({
    mutationFn: (submit: boolean) =>
      api.put(`/api/fidelity/observations/${observation.id}/my-ratings`, ZObservationForRating, {
        ratings: toBody(ratings),
        submit,
      }),
    onSuccess: (next) => queryClient.setQueryData(fidelityKeys.observation(observation.id), next),
  });
  const error = isApiError(save.error) ? save.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(true);
  };
  return (
    <section className="panel" aria-labelledby="my-ratings-heading">
      <h2 id="my-ratings-heading">Your ratings</h2>
      <p className="muted">Rate on your own. Your partner cannot see these until you have both submitted.</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} />
        <MeasureFields observation={observation} ratings={ratings} setRatings={setRatings} error={error} />
        {save.isSuccess && !save.variables ? <p role="status">Draft saved.</p> : null}
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            Submit ratings
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={save.isPending}
            onClick={() => save.mutate(false)}
          >
            Save draft
          </button>
        </div>
      </form>
    </section>
  );
}

function ConsensusForm({ observation }: { observation: ObservationForRating }) {
  const queryClient = useQueryClient();
  const [ratings, setRatings] = useState<Ratings>(() => fromRatings(observation.consensus));
  const [strengths, setStrengths] = useState(observation.debriefStrengths);
  const [nextSteps, setNextSteps] = useState(observation.debriefNextSteps);
  const reconcile = useMutation({
    mutationFn: () =>
      api.put(`/api/fidelity/observations/${observation.id}/consensus`, ZObservationForRating, {
        ratings: toBody(ratings),
        debriefStrengths: strengths,
        debriefNextSteps: nextSteps,
        version: observation.version,
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(fidelityKeys.observation(observation.id), next);
      void queryClient.invalidateQueries({ queryKey: fidelityKeys.observations });
    },
  });
  const error = isApiError(reconcile.error) ? reconcile.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reconcile.mutate();
  };
  return (
    <section className="panel" aria-labelledby="consensus-heading">
      <h2 id="consensus-heading">Reconcile and write the debrief</h2>
      <p className="muted">Agree one rating per measure. Start the debrief with what the staff member did well.</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} />
        <MeasureFields observation={observation} ratings={ratings} setRatings={setRatings} error={error} />
        <NoteField
          label="Strengths seen (shared with the staff member first)"
          value={strengths}
          onChange={setStrengths}
        />
        {error?.messageFor("debriefStrengths") ? (
          <p className="field-error">{error.messageFor("debriefStrengths")}</p>
        ) : null}
        <NoteField label="Next steps to try" value={nextSteps} onChange={setNextSteps} />
        <div className="button-row">
          <button type="submit" className="button" disabled={reconcile.isPending}>
            Save consensus and debrief
          </button>
        </div>
      </form>
    </section>
  );
}

function RatingsTable({ observation }: { observation: ObservationForRating }) {
  const ratingOf = (list: { measureCode: string; rating: number }[] | null | undefined, code: string) =>
    list?.find((r) => r.measureCode === code)?.rating ?? "—";
  return (
    <section className="panel" aria-labelledby="ratings-heading">
      <h2 id="ratings-heading">Ratings side by side</h2>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Each observer's rating and the consensus, by measure</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              {observation.observers.map((o) => (
                <th scope="col" key={o.observerId}>
                  {o.name}
                </th>
              ))}
              <th scope="col">Consensus</th>
            </tr>
          </thead>
          <tbody>
            {observation.measures.map((m) => (
              <tr key={m.code}>
                <th scope="row">
                  {m.code} · {m.name}
                </th>
                {observation.observers.map((o) => (
                  <td key={o.observerId}>{ratingOf(o.ratings, m.code)}</td>
                ))}
                <td>{ratingOf(observation.consensus, m.code)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {observation.score ? (
        <p>
          Overall {decimal(observation.score.overall)} ·{" "}
          {observation.score.fidelityMet ? "Fidelity met" : "Fidelity not met yet"}
        </p>
      ) : null}
    </section>
  );
}

/** One observation: rate blind, then compare, reconcile and write the debrief. */
export function ObservationPage({ observationId }: { observationId: string }) {
  const observation = useQuery({
    queryKey: fidelityKeys.observation(observationId),
    queryFn: () => api.get(`/api/fidelity/observations/${observationId}`, ZObservationForRating),
  });
  if (observation.isPending) return <Loading what="the observation" />;
  if (observation.isError) return <LoadError error={observation.error} what="the observation" />;
  const o = observation.data;
  const mine = o.observers.find((x) => x.observerId === o.viewerObserverId);
  const bothSubmitted = o.observers.every((x) => x.submitted);
  return (
    <>
      <PageHeader
        title={`${EVENT_TYPE_LABELS[o.eventType]} with ${o.staffName}`}
        intro={`${o.eventDate} · ${o.orgUnitName ?? ""} · ${STATUS_LABELS[o.status]}`}
        actions={
          <Link className="button button-secondary" to="/fidelity">
            Back to fidelity
          </Link>
        }
      />
      <section className="panel" aria-labelledby="team-heading">
        <h2 id="team-heading">Observer team</h2>
        <ul>
          {o.observers.map((x) => (
            <li key={x.observerId}>
              {x.name} ({x.observerType === "community_partner" ? "community partner" : "agency partner"}):{" "}
              {x.submitted ? "submitted" : "not submitted yet"}
            </li>
          ))}
        </ul>
        <p className="muted">Consent reference: {o.consentReference}</p>
      </section>
      {mine && !mine.submitted ? <MyRatingsForm observation={o} /> : null}
      {mine?.submitted && !bothSubmitted ? (
        <p role="status" className="panel">
          Your ratings are submitted. You will see your partner's once they submit theirs.
        </p>
      ) : null}
      {bothSubmitted ? <RatingsTable observation={o} /> : null}
      {bothSubmitted ? <ConsensusForm key={o.version} observation={o} /> : null}
    </>
  );
}
