import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { TEAM_KIND_LABELS, type Team, ZTeam, ZTeamList } from "../team.schema.js";
import { emptyTeamDraft, TEAM_TARGETS, TeamFields, toTeamInput } from "./team-fields.js";
import { teamKeys } from "./team-keys.js";
import { type TeamTreeNode, teamTree } from "./team-tree.js";

function NewTeamForm({ onCancel }: { onCancel: () => void }) {
  const [draft, setDraft] = useState(emptyTeamDraft);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => api.post("/api/teams", ZTeam, toTeamInput(draft)),
    onSuccess: (team) => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
      void navigate({ to: "/teams/$teamId", params: { teamId: team.id } });
    },
  });
  const error = isApiError(create.error) ? create.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section className="panel" aria-labelledby="new-team-heading">
      <h2 id="new-team-heading">Add a team</h2>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} fields={TEAM_TARGETS} />
        <TeamFields draft={draft} set={(field, value) => setDraft({ ...draft, [field]: value })} error={error} />
        <div className="button-row">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add team"}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

function TeamBranch({ nodes }: { nodes: TeamTreeNode<Team>[] }) {
  return (
    <ul className="team-tree">
      {nodes.map(({ team, children }) => (
        <li key={team.id}>
          <Link to="/teams/$teamId" params={{ teamId: team.id }}>
            {team.name}
          </Link>
          <span className="muted">
            {" "}
            · {TEAM_KIND_LABELS[team.kind]}
            {team.orgUnitName ? `, ${team.orgUnitName}` : ""} · {team.memberCount}{" "}
            {team.memberCount === 1 ? "member" : "members"}
          </span>
          {children.length > 0 ? <TeamBranch nodes={children} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** The teaming structure: every team under the team it escalates to. */
export function TeamsPage() {
  const { can } = useSession();
  const [adding, setAdding] = useState(false);
  const teams = useQuery({ queryKey: teamKeys.list, queryFn: () => api.get("/api/teams", ZTeamList) });
  return (
    <>
      <PageHeader
        title="Teams"
        intro="Implementation teams and how issues escalate between them."
        actions={
          can("teams.manage") && !adding ? (
            <button type="button" className="button" onClick={() => setAdding(true)}>
              Add a team
            </button>
          ) : null
        }
      />
      {adding ? <NewTeamForm onCancel={() => setAdding(false)} /> : null}
      {teams.isPending ? (
        <Loading what="teams" />
      ) : teams.isError ? (
        <LoadError error={teams.error} what="teams" />
      ) : teams.data.items.length === 0 ? (
        <p>No teams yet.</p>
      ) : (
        <section className="panel" aria-labelledby="escalation-tree-heading">
          <h2 id="escalation-tree-heading">Escalation structure</h2>
          <p className="muted">Each team is listed under the team it escalates to.</p>
          <TeamBranch nodes={teamTree(teams.data.items)} />
        </section>
      )}
    </>
  );
}
