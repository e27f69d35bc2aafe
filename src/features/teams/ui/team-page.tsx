import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { api, apiRequest, isApiError } from "../../../../web/src/api/api-client.js";
import { jobRoleLabel } from "../../../../web/src/app/format.js";
import { useSession } from "../../../../web/src/app/session.js";
import { useVersionedEdit } from "../../../../web/src/app/use-versioned-edit.js";
import { ConflictPanel } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { ZJobRole } from "../../people/person.schema.js";
import {
  TEAM_KIND_LABELS,
  TEAM_MEMBER_ROLE_LABELS,
  type Team,
  type TeamKind,
  type TeamMember,
  ZTeam,
  ZTeamDetail,
  ZTeamMember,
} from "../team.schema.js";
import { AddMemberForm } from "./add-member-form.js";
import { TEAM_LABELS, TEAM_TARGETS, type TeamDraft, TeamFields, teamDraftOf, toTeamInput } from "./team-fields.js";
import { teamKeys } from "./team-keys.js";

type TeamDetail = z.infer<typeof ZTeamDetail>;

function EditTeamForm({ team, onDone }: { team: Team; onDone: (team: Team, message: string) => void }) {
  const edit = useVersionedEdit({
    record: team,
    toDraft: teamDraftOf,
    save: (draft, version) =>
      api.put(`/api/teams/${encodeURIComponent(team.id)}`, ZTeam, { ...toTeamInput(draft), version }),
    parseCurrent: (current) => ZTeam.safeParse(current).data ?? null,
    onSaved: (saved) => onDone(saved, "Saved."),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    edit.submit();
  };
  const readable = (draft: TeamDraft, field: keyof TeamDraft) =>
    field === "kind" ? TEAM_KIND_LABELS[draft.kind as TeamKind] : draft[field];
  return (
    <section className="panel" aria-labelledby="edit-team-heading">
      <h2 id="edit-team-heading">Edit team</h2>
      {edit.conflict ? (
        <ConflictPanel
          busy={edit.saving}
          rows={(Object.keys(TEAM_LABELS) as (keyof TeamDraft)[]).map((field) => ({
            label: TEAM_LABELS[field],
            mine: readable(edit.draft, field),
            current: readable(teamDraftOf(edit.conflict as Team), field),
          }))}
          onApplyMine={edit.applyMine}
          onDiscardMine={() =>
            onDone(edit.conflict as Team, "Your changes were discarded. This is the current version.")
          }
        />
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={edit.error} fields={TEAM_TARGETS} />
        <TeamFields
          draft={edit.draft}
          set={(field, value) => edit.setField(field, value)}
          error={edit.error}
          selfId={team.id}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={edit.saving}>
            {edit.saving ? "Saving…" : "Save changes"}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone(team, "")}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

function affiliation(member: TeamMember): string {
  if (member.kind === "partner") return `Partner · ${member.affiliation ?? ""}`;
  const role = ZJobRole.safeParse(member.affiliation);
  return role.success ? jobRoleLabel(role.data) : "Staff";
}

function MemberRow({
  teamId,
  member,
  canManage,
  onRemoved,
}: {
  teamId: string;
  member: TeamMember;
  canManage: boolean;
  onRemoved: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () =>
      apiRequest(
        "DELETE",
        `/api/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(member.id)}`,
        ZTeamMember,
      ),
    onSuccess: (removed) => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
      onRemoved(`Removed ${removed.name} from the team.`);
    },
  });
  return (
    <tr>
      <td>
        {member.kind === "staff" && member.personId ? (
          <Link to="/people/$personId" params={{ personId: member.personId }}>
            {member.name}
          </Link>
        ) : member.partnerPersonId ? (
          <Link to="/partners/people/$partnerPersonId" params={{ partnerPersonId: member.partnerPersonId }}>
            {member.name}
          </Link>
        ) : (
          member.name
        )}
      </td>
      <td>{affiliation(member)}</td>
      <td>{TEAM_MEMBER_ROLE_LABELS[member.role]}</td>
      {canManage ? (
        <td>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={remove.isPending}
            aria-label={`Remove ${member.name}`}
            onClick={() => remove.mutate()}
          >
            Remove
          </button>
          {isApiError(remove.error) ? (
            <p className="field-error" role="alert">
              {remove.error.message}
            </p>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}

type Mode = "view" | "edit" | "add-member";

/** A team: who sits on it, and where its issues escalate. */
export function TeamPage({ teamId }: { teamId: string }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>("view");
  const [notice, setNotice] = useState("");
  const detail = useQuery({
    queryKey: teamKeys.team(teamId),
    queryFn: () => api.get(`/api/teams/${encodeURIComponent(teamId)}`, ZTeamDetail),
  });
  if (detail.isPending) return <Loading what="this team" />;
  if (detail.isError) {
    return (
      <>
        <PageHeader title="Team" />
        <LoadError error={detail.error} what="this team" />
      </>
    );
  }
  const team: TeamDetail = detail.data;
  const canManage = can("teams.manage");
  const show = (message: string) => {
    setMode("view");
    setNotice(message);
  };
  const saved = (updated: Team, message: string) => {
    queryClient.setQueryData(teamKeys.team(teamId), { ...team, ...updated });
    void queryClient.invalidateQueries({ queryKey: teamKeys.all });
    show(message);
  };
  return (
    <>
      <PageHeader
        title={team.name}
        intro={[TEAM_KIND_LABELS[team.kind], team.orgUnitName].filter(Boolean).join(" · ")}
        actions={
          canManage && mode === "view" ? (
            <>
              <button type="button" className="button" onClick={() => setMode("edit")}>
                Edit team
              </button>
              <button type="button" className="button button-secondary" onClick={() => setMode("add-member")}>
                Add a member
              </button>
            </>
          ) : null
        }
      />
      <p>
        <Link to="/teams">All teams</Link>
      </p>
      <div role="status" className={notice ? "notice notice-success" : "visually-hidden"}>
        {notice}
      </div>
      {mode === "edit" ? <EditTeamForm team={team} onDone={saved} /> : null}
      {mode === "add-member" ? <AddMemberForm teamId={team.id} onDone={show} /> : null}
      <section className="panel" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        {team.members.length === 0 ? (
          <p>No members yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Members of {team.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Staff or partner</th>
                  <th scope="col">Role in the team</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {team.members.map((member) => (
                  <MemberRow key={member.id} teamId={team.id} member={member} canManage={canManage} onRemoved={show} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="escalation-heading">
        <h2 id="escalation-heading">Escalation chain</h2>
        {team.escalationChain.length === 0 ? (
          <p>This is a top team: issues stop here.</p>
        ) : (
          <>
            <p>When this team cannot settle an issue, it goes to:</p>
            <ol className="escalation-chain">
              {team.escalationChain.map((t) => (
                <li key={t.id}>
                  <Link to="/teams/$teamId" params={{ teamId: t.id }}>
                    {t.name}
                  </Link>
                  <span className="muted"> · {TEAM_KIND_LABELS[t.kind]}</span>
                </li>
              ))}
            </ol>
          </>
        )}
        {team.childTeams.length > 0 ? (
          <>
            <h3>Teams that escalate here</h3>
            <ul className="plain-list">
              {team.childTeams.map((t) => (
                <li key={t.id}>
                  <Link to="/teams/$teamId" params={{ teamId: t.id }}>
                    {t.name}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
