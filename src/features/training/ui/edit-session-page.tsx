import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import type { FormEvent } from "react";
import { api } from "../../../../web/src/api/api-client.js";
import { useVersionedEdit } from "../../../../web/src/app/use-versioned-edit.js";
import { ConflictPanel } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { TRAINER_ROLE_LABELS, type TrainingSessionDetail, ZTrainingSessionDetail } from "../session.schema.js";
import {
  modulesOf,
  SESSION_FIELDS,
  type SessionDraft,
  SessionFields,
  sessionDraftOf,
  toSessionBody,
  trainersOf,
  useCurricula,
  useTrainerChoices,
} from "./session-form.js";
import { trainingKeys } from "./training-keys.js";

const PLAIN_FIELDS = [
  "title",
  "date",
  "startTime",
  "endTime",
  "place",
  "videoLink",
  "facility",
  "capacity",
] as const satisfies readonly (keyof SessionDraft)[];

function EditSessionForm({ session }: { session: TrainingSessionDetail }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const curricula = useCurricula();
  const trainerChoices = useTrainerChoices();
  const edit = useVersionedEdit({
    record: session,
    toDraft: sessionDraftOf,
    save: (draft, version) =>
      api.put(`/api/training-sessions/${encodeURIComponent(session.id)}`, ZTrainingSessionDetail, {
        ...toSessionBody(draft),
        version,
      }),
    parseCurrent: (current) => ZTrainingSessionDetail.safeParse(current).data ?? null,
    onSaved: (saved) => {
      queryClient.setQueryData(trainingKeys.session(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: trainingKeys.sessions });
      void navigate({ to: "/training/sessions/$sessionId", params: { sessionId: saved.id } });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    edit.submit();
  };
  const errorFor = (field: string) => edit.error?.messageFor(field);
  const curriculumTitle = (draft: SessionDraft) =>
    curricula.data?.items.find((c) => c.id === draft.curriculumId)?.title ?? "";
  const moduleTitles = (draft: SessionDraft) => {
    const modules = curricula.data?.items.find((c) => c.id === draft.curriculumId)?.modules ?? [];
    return modulesOf(draft)
      .map((id) => modules.find((m) => m.id === id)?.title ?? id)
      .join(", ");
  };
  const trainerNames = (draft: SessionDraft) =>
    trainersOf(draft)
      .map((t) => `${trainerChoices.find((c) => c.value === t.who)?.label ?? t.who} (${TRAINER_ROLE_LABELS[t.role]})`)
      .join("; ");
  const rows = (mine: SessionDraft, current: SessionDraft) => [
    ...PLAIN_FIELDS.map((field) => ({
      label: SESSION_FIELDS[field].label,
      mine: mine[field],
      current: current[field],
    })),
    { label: SESSION_FIELDS.curriculumId.label, mine: curriculumTitle(mine), current: curriculumTitle(current) },
    { label: SESSION_FIELDS.moduleIds.label, mine: moduleTitles(mine), current: moduleTitles(current) },
    { label: SESSION_FIELDS.trainers.label, mine: trainerNames(mine), current: trainerNames(current) },
  ];
  return (
    <>
      {edit.conflict ? (
        <ConflictPanel
          rows={rows(edit.draft, sessionDraftOf(edit.conflict))}
          busy={edit.saving}
          onApplyMine={edit.applyMine}
          onDiscardMine={() => {
            queryClient.setQueryData(trainingKeys.session(session.id), edit.conflict);
            void navigate({ to: "/training/sessions/$sessionId", params: { sessionId: session.id } });
          }}
        />
      ) : null}
      <form onSubmit={submit} noValidate className="stack">
        <ErrorSummary error={edit.error} fields={SESSION_FIELDS} />
        <SessionFields draft={edit.draft} setField={edit.setField} errorFor={errorFor} />
        <p className="field-hint">
          {session.enrollments.length} enrolled; the cohort and attendance are kept as they are.
        </p>
        <div className="button-row">
          <button type="submit" className="button" disabled={edit.saving}>
            {edit.saving ? "Saving…" : "Save changes"}
          </button>
          <Link
            to="/training/sessions/$sessionId"
            params={{ sessionId: session.id }}
            className="button button-secondary"
          >
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

/** Changing a scheduled session's time, place, capacity, modules or trainers; the cohort stays. */
export function EditSessionPage({ sessionId }: { sessionId: string }) {
  const query = useQuery({
    queryKey: trainingKeys.session(sessionId),
    queryFn: () => api.get(`/api/training-sessions/${sessionId}`, ZTrainingSessionDetail),
  });
  if (query.isPending) return <Loading what="the training session" />;
  if (query.isError) return <LoadError error={query.error} what="the training session" />;
  const session = query.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/training/sessions/$sessionId" params={{ sessionId }}>
          {session.title}
        </Link>
      </p>
      <PageHeader title="Edit session" intro="Change the time, place, capacity or trainers, then save." />
      <EditSessionForm session={session} />
    </>
  );
}
