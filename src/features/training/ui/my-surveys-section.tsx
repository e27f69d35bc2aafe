import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { queryKeys } from "../../../../web/src/api/query-keys.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { RATING_LABELS, type SurveyAnswer, ZMySurveys } from "../survey.schema.js";
import { trainingKeys } from "./training-keys.js";

type Waiting = z.infer<typeof ZMySurveys>["waiting"][number];
type Question = Waiting["questions"][number];
type Answers = Record<string, SurveyAnswer>;

const PHASE_TITLES = { pre: "Before the training", post: "After the training" } as const;

function RatingGroup({
  name,
  legend,
  value,
  error,
  onChange,
}: {
  name: string;
  legend: string;
  value: number | null;
  error: string | undefined;
  onChange: (value: number) => void;
}) {
  return (
    <fieldset className={error ? "survey-scale field-invalid" : "survey-scale"}>
      <legend>{legend}</legend>
      {error ? (
        <p className="field-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {RATING_LABELS.map((label, index) => {
        const rating = index + 1;
        return (
          <label key={label} className="survey-option">
            <input
              type="radio"
              name={name}
              value={rating}
              checked={value === rating}
              onChange={() => onChange(rating)}
            />
            {rating} – {label}
          </label>
        );
      })}
    </fieldset>
  );
}

function QuestionFields({
  survey,
  question,
  index,
  answer,
  errorFor,
  onChange,
}: {
  survey: Waiting;
  question: Question;
  index: number;
  answer: SurveyAnswer;
  errorFor: (field: string) => string | undefined;
  onChange: (answer: SurveyAnswer) => void;
}) {
  const name = `${survey.surveyId}-${question.id}`;
  const heading = `${index + 1}. ${question.prompt}`;
  if (question.kind === "knowledge") {
    const error = errorFor(`answers.${question.id}`);
    return (
      <fieldset id={`answer-${question.id}`} className={error ? "survey-question field-invalid" : "survey-question"}>
        <legend>{heading}</legend>
        {error ? (
          <p className="field-error">
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        ) : null}
        {question.options.map((option, choice) => (
          <label key={option} className="survey-option">
            <input
              type="radio"
              name={name}
              value={choice}
              checked={answer.choice === choice}
              onChange={() => onChange({ ...answer, choice })}
            />
            {option}
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <fieldset id={`answer-${question.id}`} className="survey-question">
      <legend>
        {heading}
        {question.elementName ? <span className="muted"> ({question.elementName})</span> : null}
      </legend>
      {survey.retrospective ? (
        <RatingGroup
          name={`${name}-before`}
          legend="Before the training"
          value={answer.ratingBefore}
          error={errorFor(`answers.${question.id}.ratingBefore`)}
          onChange={(ratingBefore) => onChange({ ...answer, ratingBefore })}
        />
      ) : null}
      <RatingGroup
        name={name}
        legend={survey.retrospective ? "Now" : "Your answer"}
        value={answer.rating}
        error={errorFor(`answers.${question.id}`)}
        onChange={(rating) => onChange({ ...answer, rating })}
      />
    </fieldset>
  );
}

function SurveyForm({ survey }: { survey: Waiting }) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState("");
  const [answers, setAnswers] = useState<Answers>(() => {
    const given = new Map(survey.answers.map((a) => [a.itemId, a]));
    return Object.fromEntries(
      survey.questions.map((q) => [
        q.id,
        given.get(q.id) ?? { itemId: q.id, rating: null, ratingBefore: null, choice: null },
      ]),
    );
  });
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/training/my-surveys/${survey.surveyId}`, ZMySurveys, { answers: Object.values(answers) }),
    onSuccess: (next) => {
      setNotice("Thank you, your answers are saved. You can change them until the survey closes.");
      queryClient.setQueryData(trainingKeys.mySurveys, next);
      // The home page counts the surveys still unanswered.
      void queryClient.invalidateQueries({ queryKey: queryKeys.home });
    },
  });
  const error = isApiError(save.error) ? save.error : null;
  const fields = Object.fromEntries(
    survey.questions.map((q, i) => [`answers.${q.id}`, { id: `answer-${q.id}`, label: `Question ${i + 1}` }]),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice("");
    save.mutate();
  };
  const headingId = `survey-${survey.surveyId}-heading`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {survey.sessionTitle}: {PHASE_TITLES[survey.phase]}
      </h3>
      <p className="muted">
        {survey.sessionStartsLocal}.{" "}
        {survey.retrospective
          ? "For each statement, rate how it was before the training and how it is now."
          : "Rate each statement from 1 (not at all) to 5 (completely), then answer the knowledge questions."}{" "}
        Your trainers see the answers of the whole group; your own change is shown only to you and to those who run the
        training.
      </p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} fields={fields} />
        {survey.questions.map((question, index) => (
          <QuestionFields
            key={question.id}
            survey={survey}
            question={question}
            index={index}
            answer={answers[question.id] as SurveyAnswer}
            errorFor={(field) => error?.messageFor(field)}
            onChange={(answer) => setAnswers({ ...answers, [question.id]: answer })}
          />
        ))}
        <p role="status" className="training-notice">
          {notice}
        </p>
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? "Saving…" : survey.answers.length > 0 ? "Save my changed answers" : "Send my answers"}
          </button>
        </div>
      </form>
    </section>
  );
}

const signed = (value: number | null, digits = 1) =>
  value === null ? "–" : `${value > 0 ? "+" : ""}${value.toFixed(digits)}`;

/**
 * The surveys waiting for the signed-in person, at the top of the training page so nobody
 * misses them, and their own before-and-after in each session they were surveyed in.
 */
export function MySurveysSection() {
  const query = useQuery({
    queryKey: trainingKeys.mySurveys,
    queryFn: () => api.get("/api/training/my-surveys", ZMySurveys),
  });
  if (query.isPending) return <Loading what="your surveys" />;
  if (query.isError) return <LoadError error={query.error} what="your surveys" />;
  const { waiting, results } = query.data;
  if (waiting.length === 0 && results.length === 0) return null;
  return (
    <>
      {waiting.length > 0 ? (
        <section aria-labelledby="my-surveys-heading" className="survey-waiting">
          <h2 id="my-surveys-heading">Surveys waiting for you</h2>
          {waiting.map((survey) => (
            <SurveyForm key={survey.surveyId} survey={survey} />
          ))}
        </section>
      ) : null}
      {results.length > 0 ? (
        <section className="panel" aria-labelledby="my-survey-results-heading">
          <h2 id="my-survey-results-heading">Your change after training</h2>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Your ratings before and after each training, 1 to 5</caption>
              <thead>
                <tr>
                  <th scope="col">Session</th>
                  <th scope="col">Before (1–5)</th>
                  <th scope="col">After (1–5)</th>
                  <th scope="col">Change</th>
                  <th scope="col">Knowledge check before</th>
                  <th scope="col">Knowledge check after</th>
                </tr>
              </thead>
              <tbody>
                {results.map((r) => (
                  <tr key={r.sessionId}>
                    <th scope="row">{r.sessionTitle}</th>
                    <td>{r.before?.toFixed(1) ?? "–"}</td>
                    <td>{r.after?.toFixed(1) ?? "–"}</td>
                    <td>{signed(r.change)}</td>
                    <td>{r.knowledgeBefore === null ? "–" : `${Math.round(r.knowledgeBefore)}%`}</td>
                    <td>{r.knowledgeAfter === null ? "–" : `${Math.round(r.knowledgeAfter)}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
