import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ConflictPanel } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { TextAreaField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { formatInZone } from "../../../shared/time.js";
import {
  type DeliveryCheck,
  type DeliveryCheckSummary,
  ZDeliveryCheck,
  ZDeliveryCheckList,
  ZDeliveryChecklist,
} from "../delivery-check.schema.js";
import { DELIVERY_RATING_LABELS, DELIVERY_SECTION_LABELS, type DeliveryRating } from "../delivery-checklist.js";
import { trainingKeys } from "./training-keys.js";
import { TrainingNav } from "./training-nav.js";

const SECTION_COLORS = ["#1d4ed8", "#b45309", "#047857"] as const;
const percent = (check: DeliveryCheckSummary, index: number) => check.scores[index]?.metPercent ?? null;

function ScoresOverTime({ checks, timeZone }: { checks: DeliveryCheckSummary[]; timeZone: string }) {
  const sections = Object.values(DELIVERY_SECTION_LABELS);
  return (
    <>
      <div
        className="fidelity-chart"
        role="img"
        aria-label="Line chart of the share of checklist items met in each section, by session date; the table below lists the same numbers."
      >
        <ResponsiveContainer width="100%" height={260}>
          <LineChart
            accessibilityLayer={false}
            data={checks.map((c) => ({
              date: c.sessionStartsAt.slice(0, 10),
              ...Object.fromEntries(sections.map((label, i) => [label, percent(c, i)])),
            }))}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="date" />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip />
            <Legend />
            {sections.map((label, i) => (
              <Line key={label} type="monotone" dataKey={label} stroke={SECTION_COLORS[i]} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div className="table-wrap">
        <table className="table">
          <caption>Items met per section (the chart's numbers)</caption>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">Date</th>
              <th scope="col">Trainers</th>
              {sections.map((label) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {checks.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to="/training/delivery-checks/$checkId" params={{ checkId: c.id }}>
                    {c.sessionTitle}
                  </Link>
                </th>
                <td>{formatInZone(c.sessionStartsAt, timeZone)}</td>
                <td>{c.trainerNames.join(", ")}</td>
                {sections.map((label, i) => (
                  <td key={label}>{`${percent(c, i) ?? "–"}%`}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * Delivery checks: the ones waiting for the signed-in observer, and the recorded ones over
 * time (a trainer's own sessions, or every session for coordinators).
 */
export function DeliveryChecksPage() {
  const { session } = useSession();
  const checks = useQuery({
    queryKey: trainingKeys.deliveryChecks,
    queryFn: () => api.get("/api/training/delivery-checks", ZDeliveryCheckList),
  });
  const timeZone = session.agency.timeZone;
  const waiting = checks.data?.items.filter((c) => c.recordedAt === null) ?? [];
  const recorded = checks.data?.items.filter((c) => c.recordedAt !== null) ?? [];
  return (
    <>
      <PageHeader
        title="Delivery checks"
        intro="An observer rates each session against the delivery checklist, so trainers see how their training runs and what to work on."
      />
      <TrainingNav />
      {checks.isPending ? (
        <Loading what="delivery checks" />
      ) : checks.isError ? (
        <LoadError error={checks.error} what="delivery checks" />
      ) : (
        <>
          <section className="panel" aria-labelledby="waiting-heading">
            <h2 id="waiting-heading">Waiting for the observer</h2>
            {waiting.length === 0 ? (
              <p>No checks are waiting.</p>
            ) : (
              <ul>
                {waiting.map((c) => (
                  <li key={c.id}>
                    <Link to="/training/delivery-checks/$checkId" params={{ checkId: c.id }}>
                      {c.canRecord ? `Record the check of ${c.sessionTitle}` : c.sessionTitle}
                    </Link>{" "}
                    <span className="muted">
                      {formatInZone(c.sessionStartsAt, timeZone)}, observer {c.observerName}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="recorded-heading">
            <h2 id="recorded-heading">Recorded checks over time</h2>
            {recorded.length === 0 ? (
              <p>No checks recorded yet. Coordinators assign an observer on a session's page.</p>
            ) : (
              <ScoresOverTime checks={recorded} timeZone={timeZone} />
            )}
          </section>
        </>
      )}
    </>
  );
}

interface Mark {
  rating: DeliveryRating | "";
  comment: string;
}

const marksOf = (check: DeliveryCheck): Record<string, Mark> =>
  Object.fromEntries(check.ratings.map((r) => [r.item, { rating: r.rating, comment: r.comment }]));

function DeliveryCheckForm({ check }: { check: DeliveryCheck }) {
  const queryClient = useQueryClient();
  const checklist = useQuery({
    queryKey: trainingKeys.deliveryChecklist,
    queryFn: () => api.get("/api/training/delivery-checklist", ZDeliveryChecklist),
  });
  const [marks, setMarks] = useState<Record<string, Mark>>(() => marksOf(check));
  const [comment, setComment] = useState(check.comment);
  // The saved check this edit builds on; kept here so a save does not remount the form and drop
  // its notice, and so a conflict can tell what this person changed.
  const [base, setBase] = useState(check);
  const [saved, setSaved] = useState("");
  const [conflict, setConflict] = useState<DeliveryCheck | null>(null);
  const save = useMutation({
    mutationFn: (input: {
      ratings: { item: string; rating: Mark["rating"]; comment: string }[];
      comment: string;
      version: number;
    }) => api.put(`/api/training/delivery-checks/${check.id}`, ZDeliveryCheck, input),
    onSuccess: (next) => {
      setConflict(null);
      setBase(next);
      queryClient.setQueryData(trainingKeys.deliveryCheck(check.id), next);
      void queryClient.invalidateQueries({ queryKey: trainingKeys.deliveryChecks });
      setSaved("Delivery check saved.");
    },
    onError: (failure) => {
      if (!isApiError(failure) || failure.status !== 409) return;
      const current = ZDeliveryCheck.safeParse(failure.current);
      if (current.success) setConflict(current.data);
    },
  });
  if (checklist.isPending) return <Loading what="the checklist" />;
  if (checklist.isError) return <LoadError error={checklist.error} what="the checklist" />;
  const failure = isApiError(save.error) ? save.error : null;
  const error = failure && !(failure.status === 409 && conflict) ? failure : null;
  const mark = (item: string) => marks[item] ?? { rating: "", comment: "" };
  const set = (item: string, change: Partial<Mark>) => setMarks({ ...marks, [item]: { ...mark(item), ...change } });
  const send = (toSend: Record<string, Mark>, feedback: string, version: number) => {
    setSaved("");
    save.mutate({
      ratings: Object.entries(toSend)
        .filter(([, m]) => m.rating !== "")
        .map(([item, m]) => ({ item, rating: m.rating, comment: m.comment })),
      comment: feedback,
      version,
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(marks, comment, base.version);
  };
  /** What this person changed since the saved check they started from, over the current one. */
  const applyMine = (current: DeliveryCheck) => {
    const started = marksOf(base);
    const theirs = marksOf(current);
    const merged: Record<string, Mark> = { ...theirs };
    for (const item of checklist.data.items) {
      const mine = mark(item.key);
      const before = started[item.key] ?? { rating: "", comment: "" };
      const now = merged[item.key] ?? { rating: "", comment: "" };
      merged[item.key] = {
        rating: mine.rating !== before.rating ? mine.rating : now.rating,
        comment: mine.comment !== before.comment ? mine.comment : now.comment,
      };
    }
    const feedback = comment !== base.comment ? comment : current.comment;
    setMarks(merged);
    setComment(feedback);
    setBase(current);
    send(merged, feedback, current.version);
  };
  // Errors come back by position in the ratings sent; this names them by the item they belong to.
  const sent = save.variables?.ratings ?? [];
  const commentErrorFor = (item: string) => {
    const index = sent.findIndex((r) => r.item === item);
    return index < 0 ? undefined : error?.messageFor(`ratings.${index}.comment`);
  };
  const fields = Object.fromEntries([
    ["comment", { id: "check-comment", label: "Feedback for the trainers" }],
    ...checklist.data.items.map((item) => [`ratings.${item.key}`, { id: `ratings.${item.key}`, label: item.text }]),
    ...sent.map((r, index) => [
      `ratings.${index}.comment`,
      { id: `comment-${r.item}`, label: `Comment on ${checklist.data.items.find((i) => i.key === r.item)?.text}` },
    ]),
  ]);
  const ratingLabel = (rating: string) => checklist.data.ratings.find((r) => r.value === rating)?.label ?? "";
  const conflictRows = (current: DeliveryCheck) => {
    const theirs = marksOf(current);
    return [
      ...checklist.data.items.flatMap((item) => [
        {
          label: item.text,
          mine: ratingLabel(mark(item.key).rating),
          current: ratingLabel(theirs[item.key]?.rating ?? ""),
        },
        {
          label: `Comment on ${item.text}`,
          mine: mark(item.key).comment,
          current: theirs[item.key]?.comment ?? "",
        },
      ]),
      { label: "Feedback for the trainers", mine: comment, current: current.comment },
    ];
  };
  const sections = [...new Set(checklist.data.items.map((i) => i.section))];
  return (
    <form onSubmit={submit} noValidate>
      {conflict ? (
        <ConflictPanel
          rows={conflictRows(conflict)}
          busy={save.isPending}
          onApplyMine={() => applyMine(conflict)}
          onDiscardMine={() => {
            setMarks(marksOf(conflict));
            setComment(conflict.comment);
            setBase(conflict);
            setConflict(null);
            queryClient.setQueryData(trainingKeys.deliveryCheck(check.id), conflict);
            save.reset();
          }}
        />
      ) : null}
      <ErrorSummary error={error} fields={fields} />
      {sections.map((section) => (
        <fieldset key={section} className="panel">
          <legend>{DELIVERY_SECTION_LABELS[section]}</legend>
          {checklist.data.items
            .filter((i) => i.section === section)
            .map((item) => {
              const itemError = error?.messageFor(`ratings.${item.key}`);
              return (
                <div key={item.key} className={itemError ? "field field-invalid" : "field"}>
                  <fieldset id={`ratings.${item.key}`}>
                    <legend>{item.text}</legend>
                    {itemError ? (
                      <p className="field-error">
                        <span className="visually-hidden">Error: </span>
                        {itemError}
                      </p>
                    ) : null}
                    {checklist.data.ratings.map((r) => (
                      <label key={r.value} className="radio-inline">
                        <input
                          type="radio"
                          name={item.key}
                          value={r.value}
                          checked={mark(item.key).rating === r.value}
                          onChange={() => set(item.key, { rating: r.value })}
                        />{" "}
                        {r.label}
                      </label>
                    ))}
                  </fieldset>
                  <label htmlFor={`comment-${item.key}`}>Comment (optional)</label>
                  {commentErrorFor(item.key) ? (
                    <p className="field-error" id={`comment-${item.key}-error`}>
                      <span className="visually-hidden">Error: </span>
                      {commentErrorFor(item.key)}
                    </p>
                  ) : null}
                  <input
                    id={`comment-${item.key}`}
                    className="input input-long"
                    value={mark(item.key).comment}
                    onChange={(event) => set(item.key, { comment: event.target.value })}
                    aria-invalid={commentErrorFor(item.key) ? true : undefined}
                    aria-describedby={commentErrorFor(item.key) ? `comment-${item.key}-error` : undefined}
                  />
                </div>
              );
            })}
        </fieldset>
      ))}
      <TextAreaField
        id="check-comment"
        label="Feedback for the trainers (optional)"
        rows={4}
        value={comment}
        onChange={setComment}
        error={error?.messageFor("comment")}
      />
      <p role="status" className="training-notice">
        {saved}
      </p>
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save delivery check"}
        </button>
      </div>
    </form>
  );
}

function SectionScores({ check }: { check: DeliveryCheck }) {
  return (
    <dl className="training-facts">
      {check.scores.map((s) => (
        <div key={s.section}>
          <dt>{s.label}</dt>
          <dd>
            {s.metPercent}% met ({s.met} of {s.items} items)
          </dd>
        </div>
      ))}
    </dl>
  );
}

function DeliveryCheckResults({ check }: { check: DeliveryCheck }) {
  const checklist = useQuery({
    queryKey: trainingKeys.deliveryChecklist,
    queryFn: () => api.get("/api/training/delivery-checklist", ZDeliveryChecklist),
  });
  if (check.recordedAt === null) return <p>The observer, {check.observerName}, has not recorded this check yet.</p>;
  const textOf = new Map(checklist.data?.items.map((i) => [i.key, i.text]) ?? []);
  return (
    <>
      <SectionScores check={check} />
      <div className="table-wrap">
        <table className="table">
          <caption>Every item</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Rating</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {check.ratings.map((r) => (
              <tr key={r.item}>
                <th scope="row">{textOf.get(r.item) ?? r.item}</th>
                <td>{DELIVERY_RATING_LABELS[r.rating]}</td>
                <td>{r.comment || "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {check.comment ? (
        <>
          <h3>Feedback for the trainers</h3>
          <p>{check.comment}</p>
        </>
      ) : null}
    </>
  );
}

/** One session's delivery check: the observer's form, or the ratings for trainers and coordinators. */
export function DeliveryCheckPage({ checkId }: { checkId: string }) {
  const { session } = useSession();
  const check = useQuery({
    queryKey: trainingKeys.deliveryCheck(checkId),
    queryFn: () => api.get(`/api/training/delivery-checks/${checkId}`, ZDeliveryCheck),
  });
  if (check.isPending) return <Loading what="the delivery check" />;
  if (check.isError) return <LoadError error={check.error} what="the delivery check" />;
  const data = check.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/training/delivery-checks">Delivery checks</Link>
      </p>
      <PageHeader
        title={`Delivery check: ${data.sessionTitle}`}
        intro={`${formatInZone(data.sessionStartsAt, session.agency.timeZone)}. Trainers: ${data.trainerNames.join(", ")}. Observer: ${data.observerName}.`}
      />
      <p>
        <Link to="/training/sessions/$sessionId" params={{ sessionId: data.sessionId }}>
          Open the session
        </Link>
      </p>
      {data.canRecord ? (
        <>
          {data.recordedAt ? <SectionScores check={data} /> : null}
          <p className="muted">Rate every item Met, Partly or Not met. Comments help the trainers most.</p>
          <DeliveryCheckForm key={data.id} check={data} />
        </>
      ) : (
        <DeliveryCheckResults check={data} />
      )}
    </>
  );
}
