import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ApiError, api, isApiError } from "../../../../web/src/api/api-client.js";
import { queryKeys } from "../../../../web/src/api/query-keys.js";
import { fullName, LEVEL_LABELS } from "../../../../web/src/app/format.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ErrorSummary, type FieldTargets } from "../../../../web/src/components/error-summary.js";
import { type Option, SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { indentedName, placeableUnits } from "../../org/ui/org-forest.js";
import { useOrgTree } from "../../org/ui/org-tree-page.js";
import type { PersonCreate } from "../employment.schema.js";
import { JOB_ROLE_LABELS, JOB_ROLES, LEVELS, ZPerson } from "../person.schema.js";
import { withArrivalNotice } from "./arrival-notice.js";
import { parseLanguages } from "./languages.js";
import { type PersonSummary, SupervisorPicker } from "./supervisor-picker.js";

type NewPersonDraft = {
  givenName: string;
  familyName: string;
  employeeId: string;
  workEmail: string;
  jobRole: string;
  level: string;
  orgUnitId: string;
  hireDate: string;
  languages: string;
};

const FIELDS: Record<keyof NewPersonDraft | "supervisorId", { id: string; label: string }> = {
  givenName: { id: "new-person-given-name", label: "Given name" },
  familyName: { id: "new-person-family-name", label: "Family name" },
  employeeId: { id: "new-person-employee-id", label: "Employee ID" },
  workEmail: { id: "new-person-work-email", label: "Work email" },
  jobRole: { id: "new-person-job-role", label: "Job role" },
  level: { id: "new-person-level", label: "Level" },
  orgUnitId: { id: "new-person-unit", label: "Unit" },
  supervisorId: { id: "new-person-supervisor", label: "Supervisor" },
  hireDate: { id: "new-person-hire-date", label: "Hire date" },
  languages: { id: "new-person-languages", label: "Languages" },
};
const FIELD_TARGETS: FieldTargets = FIELDS;

const EMPTY: NewPersonDraft = {
  givenName: "",
  familyName: "",
  employeeId: "",
  workEmail: "",
  jobRole: "social_worker",
  level: "practice",
  orgUnitId: "",
  hireDate: "",
  languages: "English",
};

function NewPersonForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const tree = useOrgTree();
  const [draft, setDraft] = useState(EMPTY);
  const [supervisor, setSupervisor] = useState<PersonSummary | null>(null);
  const set = (field: keyof NewPersonDraft) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));

  const create = useMutation({
    mutationFn: () =>
      api.post("/api/people", ZPerson, {
        ...draft,
        jobRole: draft.jobRole as PersonCreate["jobRole"],
        level: draft.level as PersonCreate["level"],
        supervisorId: supervisor?.id ?? null,
        languages: parseLanguages(draft.languages),
      }),
    onSuccess: async (person) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.people });
      void queryClient.invalidateQueries({ queryKey: queryKeys.orgTree });
      void queryClient.invalidateQueries({ queryKey: queryKeys.home });
      const where = person.orgUnitName ? ` to ${person.orgUnitName}` : "";
      await navigate({
        to: "/people/$personId",
        params: { personId: person.id },
        state: withArrivalNotice(`Added ${fullName(person)}${where}. They now appear in the people list.`),
      });
    },
  });
  const error = isApiError(create.error) ? create.error : null;

  if (tree.isPending) return <Loading what="the units" />;
  if (tree.isError) return <LoadError error={tree.error} what="the units" />;
  const unitOptions: Option[] = [
    { value: "", label: "Choose a unit" },
    ...placeableUnits(tree.data.units).map((node) => ({ value: node.unit.id, label: indentedName(node) })),
  ];
  const unitName = tree.data.units.find((unit) => unit.id === draft.orgUnitId)?.name ?? "";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <form onSubmit={submit} noValidate className="form panel">
      <ErrorSummary error={error} fields={FIELD_TARGETS} />
      <h2>Who they are</h2>
      <div className="form-row">
        <TextField
          id={FIELDS.givenName.id}
          label={FIELDS.givenName.label}
          autoComplete="off"
          value={draft.givenName}
          onChange={set("givenName")}
          error={error?.messageFor("givenName")}
          width="medium"
        />
        <TextField
          id={FIELDS.familyName.id}
          label={FIELDS.familyName.label}
          autoComplete="off"
          value={draft.familyName}
          onChange={set("familyName")}
          error={error?.messageFor("familyName")}
          width="medium"
        />
      </div>
      <TextField
        id={FIELDS.employeeId.id}
        label={FIELDS.employeeId.label}
        hint="From the HR system, if there is one. Roster imports match people by it."
        autoComplete="off"
        value={draft.employeeId}
        onChange={set("employeeId")}
        error={error?.messageFor("employeeId")}
        width="medium"
      />
      <TextField
        id={FIELDS.workEmail.id}
        label={FIELDS.workEmail.label}
        type="email"
        hint="Leave empty if this person has no work email."
        autoComplete="off"
        value={draft.workEmail}
        onChange={set("workEmail")}
        error={error?.messageFor("workEmail")}
      />
      <TextField
        id={FIELDS.languages.id}
        label={FIELDS.languages.label}
        hint="Separate languages with commas, for example: English, Spanish"
        value={draft.languages}
        onChange={set("languages")}
        error={error?.messageFor("languages")}
      />

      <h2>Their job</h2>
      <div className="form-row">
        <SelectField
          id={FIELDS.jobRole.id}
          label={FIELDS.jobRole.label}
          value={draft.jobRole}
          onChange={set("jobRole")}
          options={JOB_ROLES.map((role) => ({ value: role, label: JOB_ROLE_LABELS[role] }))}
          error={error?.messageFor("jobRole")}
        />
        <SelectField
          id={FIELDS.level.id}
          label={FIELDS.level.label}
          value={draft.level}
          onChange={set("level")}
          options={LEVELS.map((level) => ({ value: level, label: LEVEL_LABELS[level] }))}
          error={error?.messageFor("level")}
        />
      </div>
      <SelectField
        id={FIELDS.orgUnitId.id}
        label={FIELDS.orgUnitId.label}
        hint="Where they work. Only active units are listed."
        value={draft.orgUnitId}
        onChange={set("orgUnitId")}
        options={unitOptions}
        error={error?.messageFor("orgUnitId")}
      />
      <SupervisorPicker
        id={FIELDS.supervisorId.id}
        chosen={supervisor}
        onChoose={setSupervisor}
        unitId={draft.orgUnitId}
        unitName={unitName}
        error={error?.messageFor("supervisorId")}
      />
      <TextField
        id={FIELDS.hireDate.id}
        label={FIELDS.hireDate.label}
        type="date"
        hint="Leave empty if you do not know it."
        value={draft.hireDate}
        onChange={set("hireDate")}
        error={error?.messageFor("hireDate")}
        width="medium"
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add the person"}
        </button>
        <Link to="/people" className="button button-secondary">
          Cancel
        </Link>
      </div>
    </form>
  );
}

/** Hiring: a new person joins a unit, optionally under a supervisor, and their page opens. */
export function NewPersonPage() {
  const { can } = useSession();
  if (!can("people.manage")) {
    return (
      <>
        <PageHeader title="Add a person" />
        <LoadError error={new ApiError({ status: 403, code: "FORBIDDEN", title: "Not allowed" })} what="this page" />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Add a person"
        intro="Add someone who has joined the agency. Fill in who they are and where they work, then choose Add the person."
      />
      <NewPersonForm />
    </>
  );
}
