import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { SelectField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { type ModelComparison, type ModelContent, ZModelComparison, ZModelDetail } from "../model.schema.js";
import { modelKeys } from "./model-keys.js";
import type { CompareSearch } from "./model-search.js";

type Change = ModelComparison["changes"][number];

const SECTION_TITLES: Record<Change["section"], string> = {
  values: "Values",
  elements: "Elements",
  behaviors: "Practice behaviors",
  commitments: "Leadership commitments",
  leadershipBehaviors: "Leadership behaviors",
  scales: "Rating scales",
};

/** The document's field names, as people call them. */
const FIELD_LABELS: Record<string, string> = {
  code: "Code",
  name: "Name",
  shortName: "Short name",
  description: "Description",
  pocketText: "Pocket text",
  variants: "By level",
  levels: "Levels",
};
const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

const KIND_LABELS: Record<Change["kind"], string> = {
  added: "Added",
  removed: "Removed",
  changed: "Changed",
  moved: "Moved",
};

/** Every item of a version by id, as a flat record of its own fields (nested lists left out). */
function itemsById(content: ModelContent): Map<string, { fields: Record<string, unknown>; place: string }> {
  const items = new Map<string, { fields: Record<string, unknown>; place: string }>();
  const own = (record: object) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => key !== "id" && key !== "behaviors"));
  const add = (item: { id: string }, place: string) => {
    items.set(item.id, { fields: own(item), place });
  };
  for (const [i, v] of content.values.entries()) add(v, `value ${i + 1}`);
  for (const [i, e] of content.elements.entries()) {
    add(e, `element ${i + 1}`);
    for (const [j, b] of e.behaviors.entries()) add(b, `${j + 1} under ${e.code}`);
  }
  for (const [i, c] of content.leadership.entries()) {
    add(c, `commitment ${i + 1}`);
    for (const [j, b] of c.behaviors.entries()) add(b, `${j + 1} under ${c.name}`);
  }
  for (const [i, s] of content.scales.entries()) add(s, `scale ${i + 1}`);
  return items;
}

function shown(value: unknown): string {
  if (value === undefined) return "—";
  if (typeof value === "string") return value === "" ? "(empty)" : value;
  if (Array.isArray(value)) {
    return value
      .map((level) => (typeof level === "object" && level ? Object.values(level).join(" · ") : String(level)))
      .join("\n");
  }
  if (typeof value === "object" && value)
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join("\n");
  return String(value);
}

function ChangeRows({
  change,
  before,
  after,
}: {
  change: Change;
  before: ReturnType<typeof itemsById>;
  after: ReturnType<typeof itemsById>;
}) {
  const old = before.get(change.id);
  const now = after.get(change.id);
  const fields =
    change.kind === "changed" ? change.fields : change.kind === "moved" ? [] : Object.keys((now ?? old)?.fields ?? {});
  const title = (
    <>
      <span
        className={`badge badge-${change.kind === "removed" ? "delete" : change.kind === "added" ? "create" : "update"}`}
      >
        {KIND_LABELS[change.kind]}
      </span>{" "}
      {change.label}
    </>
  );
  if (change.kind === "moved") {
    return (
      <tr>
        <th scope="row">{title}</th>
        <td>Position {old?.place ?? "—"}</td>
        <td>Position {now?.place ?? "—"}</td>
      </tr>
    );
  }
  return (
    <>
      {fields.map((field, i) => (
        <tr key={field}>
          {i === 0 ? (
            <th scope="row" rowSpan={fields.length}>
              {title}
            </th>
          ) : null}
          <td className="compare-cell">
            <span className="compare-field">{fieldLabel(field)}</span>
            <span className="compare-text">{shown(old?.fields[field])}</span>
          </td>
          <td className="compare-cell">
            <span className="compare-field">{fieldLabel(field)}</span>
            <span className="compare-text">{shown(now?.fields[field])}</span>
          </td>
        </tr>
      ))}
    </>
  );
}

const refLabel = (ref: string) => (ref === "draft" ? "the draft" : `version ${ref}`);
const refHeading = (ref: string) => (ref === "draft" ? "Draft" : `Version ${ref}`);

interface ModelComparePageProps {
  modelId: string;
  search: CompareSearch;
  onSearchChange: (next: CompareSearch) => void;
}

/** Two versions side by side: only what changed, grouped by part of the model. */
export function ModelComparePage({ modelId, search, onSearchChange }: ModelComparePageProps) {
  const { can } = useSession();
  const detail = useQuery({
    queryKey: modelKeys.model(modelId),
    queryFn: () => api.get(`/api/models/${modelId}`, ZModelDetail),
  });
  const latest = detail.data?.latestPublishedNumber ?? null;
  const to = search.to ?? (latest !== null ? String(latest) : undefined);
  const from = search.from ?? (latest !== null && latest > 1 ? String(latest - 1) : to);
  const comparison = useQuery({
    queryKey: modelKeys.compare(modelId, from ?? "", to ?? ""),
    queryFn: () => api.get(`/api/models/${modelId}/compare`, ZModelComparison, { from, to }),
    enabled: from !== undefined && to !== undefined,
  });
  if (detail.isPending) return <Loading what="the versions" />;
  if (detail.isError) return <LoadError error={detail.error} what="this practice model" />;
  const options = [
    ...detail.data.versions.map((v) => ({ value: String(v.number), label: `Version ${v.number}` })),
    ...(detail.data.draft && can("models.edit") ? [{ value: "draft", label: "Draft" }] : []),
  ];
  const before = comparison.data ? itemsById(comparison.data.before) : new Map();
  const after = comparison.data ? itemsById(comparison.data.after) : new Map();
  const sections = Object.keys(SECTION_TITLES) as Change["section"][];
  return (
    <>
      <PageHeader
        title={`Compare versions of ${detail.data.name}`}
        intro="What was added, removed, reworded or moved between two versions."
        actions={
          <Link to="/model" search={{ modelId }} className="button button-secondary">
            Back to the practice model
          </Link>
        }
      />
      <div className="model-pickers">
        <SelectField
          label="From"
          value={from ?? ""}
          options={options}
          onChange={(next) => onSearchChange({ from: next, to })}
        />
        <SelectField
          label="To"
          value={to ?? ""}
          options={options}
          onChange={(next) => onSearchChange({ from, to: next })}
        />
      </div>
      {comparison.isPending ? (
        <Loading what="the comparison" />
      ) : comparison.isError ? (
        <LoadError error={comparison.error} what="these versions" />
      ) : comparison.data.changes.length === 0 ? (
        <p className="notice">
          Nothing changed between {refLabel(from ?? "")} and {refLabel(to ?? "")}.
        </p>
      ) : (
        <>
          <p>
            {comparison.data.changes.length} {comparison.data.changes.length === 1 ? "change" : "changes"} from{" "}
            {refLabel(from ?? "")} to {refLabel(to ?? "")}.
          </p>
          {sections.map((section) => {
            const changes = comparison.data.changes.filter((c) => c.section === section);
            if (changes.length === 0) return null;
            return (
              <section key={section} className="panel" aria-labelledby={`compare-${section}`}>
                <h2 id={`compare-${section}`}>{SECTION_TITLES[section]}</h2>
                <div className="table-wrap">
                  <table className="table compare-table">
                    <thead>
                      <tr>
                        <th scope="col">Item</th>
                        <th scope="col">{refHeading(from ?? "")}</th>
                        <th scope="col">{refHeading(to ?? "")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {changes.map((change) => (
                        <ChangeRows key={`${change.kind}:${change.id}`} change={change} before={before} after={after} />
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
