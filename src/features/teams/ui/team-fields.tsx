import { useQuery } from "@tanstack/react-query";
import { type ApiError, api } from "../../../../web/src/api/api-client.js";
import { queryKeys } from "../../../../web/src/api/query-keys.js";
import type { FieldTargets } from "../../../../web/src/components/error-summary.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { ZOrgTree } from "../../org/org-unit.schema.js";
import { TEAM_KIND_LABELS, TEAM_KINDS, type Team, type TeamKind, ZTeamList } from "../team.schema.js";
import { teamKeys } from "./team-keys.js";

export type TeamDraft = { name: string; kind: string; orgUnitId: string; parentTeamId: string };

export const TEAM_LABELS: Record<keyof TeamDraft, string> = {
  name: "Name",
  kind: "Kind",
  orgUnitId: "Org unit",
  parentTeamId: "Escalates to",
};

export const TEAM_TARGETS: FieldTargets = Object.fromEntries(
  (Object.keys(TEAM_LABELS) as (keyof TeamDraft)[]).map((f) => [f, { id: `team-${f}`, label: TEAM_LABELS[f] }]),
);

export const emptyTeamDraft: TeamDraft = { name: "", kind: "unit_team", orgUnitId: "", parentTeamId: "" };

export const teamDraftOf = (team: Team): TeamDraft => ({
  name: team.name,
  kind: team.kind,
  orgUnitId: team.orgUnitId ?? "",
  parentTeamId: team.parentTeamId ?? "",
});

export const toTeamInput = (draft: TeamDraft) => ({ ...draft, kind: draft.kind as TeamKind });

/** The team fields, shared by the add and edit forms; the team itself is never offered as its own parent. */
export function TeamFields<D extends TeamDraft>({
  draft,
  set,
  error,
  selfId,
}: {
  draft: D;
  set: (field: keyof TeamDraft, value: string) => void;
  error: ApiError | null;
  selfId?: string;
}) {
  const units = useQuery({ queryKey: queryKeys.orgTree, queryFn: () => api.get("/api/org-units", ZOrgTree) });
  const teams = useQuery({ queryKey: teamKeys.list, queryFn: () => api.get("/api/teams", ZTeamList) });
  return (
    <>
      <TextField
        id="team-name"
        label={TEAM_LABELS.name}
        value={draft.name}
        onChange={(v) => set("name", v)}
        error={error?.messageFor("name")}
        autoComplete="off"
      />
      <div className="form-row">
        <SelectField
          id="team-kind"
          label={TEAM_LABELS.kind}
          value={draft.kind}
          onChange={(v) => set("kind", v)}
          options={TEAM_KINDS.map((k) => ({ value: k, label: TEAM_KIND_LABELS[k] }))}
          error={error?.messageFor("kind")}
        />
        <SelectField
          id="team-orgUnitId"
          label={TEAM_LABELS.orgUnitId}
          value={draft.orgUnitId}
          onChange={(v) => set("orgUnitId", v)}
          options={[
            { value: "", label: "None" },
            ...(units.data?.units ?? []).filter((u) => !u.retired).map((u) => ({ value: u.id, label: u.name })),
          ]}
          error={error?.messageFor("orgUnitId")}
        />
      </div>
      <SelectField
        id="team-parentTeamId"
        label={TEAM_LABELS.parentTeamId}
        hint="The team that issues go to when this team cannot settle them."
        value={draft.parentTeamId}
        onChange={(v) => set("parentTeamId", v)}
        options={[
          { value: "", label: "None (a top team)" },
          ...(teams.data?.items ?? []).filter((t) => t.id !== selfId).map((t) => ({ value: t.id, label: t.name })),
        ]}
        error={error?.messageFor("parentTeamId")}
      />
    </>
  );
}
