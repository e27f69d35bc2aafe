import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { SelectField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import {
  PARTNER_KIND_LABELS,
  PARTNER_KINDS,
  type PartnerKind,
  ZPartnerOrganization,
  ZPartnerOrganizationList,
} from "../partner.schema.js";
import {
  emptyOrganizationDraft,
  ORGANIZATION_TARGETS,
  OrganizationFields,
  toOrganizationInput,
} from "./organization-fields.js";
import { partnerKeys } from "./partner-keys.js";

function NewPartnerForm({ onCancel }: { onCancel: () => void }) {
  const [draft, setDraft] = useState(emptyOrganizationDraft);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => api.post("/api/partner-organizations", ZPartnerOrganization, toOrganizationInput(draft)),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      void navigate({ to: "/partners/$partnerOrganizationId", params: { partnerOrganizationId: created.id } });
    },
  });
  const error = isApiError(create.error) ? create.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section className="panel" aria-labelledby="new-partner-heading">
      <h2 id="new-partner-heading">Add a partner</h2>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} fields={ORGANIZATION_TARGETS} />
        <OrganizationFields draft={draft} onChange={setDraft} error={error} />
        <div className="button-row">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add partner"}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

/** The agency's community and Tribal partners, with a filter by kind. */
export function PartnersPage() {
  const { can } = useSession();
  const [kind, setKind] = useState<PartnerKind | "">("");
  const [includeRetired, setIncludeRetired] = useState(false);
  const [adding, setAdding] = useState(false);
  const query = { kind: kind || undefined, includeRetired: includeRetired ? "true" : "false" };
  const list = useQuery({
    queryKey: partnerKeys.list(query),
    queryFn: () => api.get("/api/partner-organizations", ZPartnerOrganizationList, query),
  });

  return (
    <>
      <PageHeader
        title="Partners"
        intro="Community organizations and Tribes who train, coach and observe with the agency."
        actions={
          can("partners.manage") && !adding ? (
            <button type="button" className="button" onClick={() => setAdding(true)}>
              Add a partner
            </button>
          ) : null
        }
      />
      {adding ? <NewPartnerForm onCancel={() => setAdding(false)} /> : null}
      <div className="filters">
        <div className="filters-row">
          <SelectField
            id="partner-kind-filter"
            label="Show kind"
            value={kind}
            onChange={(v) => setKind(v as PartnerKind | "")}
            options={[
              { value: "", label: "All kinds" },
              ...PARTNER_KINDS.map((k) => ({ value: k, label: PARTNER_KIND_LABELS[k] })),
            ]}
          />
          <div className="field field-checkbox">
            <input
              id="partner-include-retired"
              type="checkbox"
              checked={includeRetired}
              onChange={(event) => setIncludeRetired(event.target.checked)}
            />
            <label htmlFor="partner-include-retired">Show retired partners</label>
          </div>
        </div>
      </div>
      {list.isPending ? (
        <Loading what="partners" />
      ) : list.isError ? (
        <LoadError error={list.error} what="partners" />
      ) : list.data.items.length === 0 ? (
        <p>No partners match.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Partners</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Contact</th>
                <th scope="col">People</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((org) => (
                <tr key={org.id}>
                  <td>
                    <Link to="/partners/$partnerOrganizationId" params={{ partnerOrganizationId: org.id }}>
                      {org.name}
                    </Link>
                    {org.retired ? <span className="badge badge-retired">Retired</span> : null}
                  </td>
                  <td>{PARTNER_KIND_LABELS[org.kind]}</td>
                  <td>{[org.contactName, org.contactPhone, org.contactEmail].filter(Boolean).join(" · ")}</td>
                  <td>{org.peopleCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
