import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { SelectField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { ZModelDetail, ZModelList, ZModelVersion } from "../model.schema.js";
import { ModelContentView } from "./model-content-view.js";
import { modelKeys } from "./model-keys.js";
import { bookletPdfUrl, exportUrl } from "./model-links.js";
import type { ModelSearch } from "./model-search.js";

interface ModelPageProps {
  search: ModelSearch;
  onSearchChange: (next: ModelSearch) => void;
}

/** The published practice model, for everyone: what good practice looks like here, version by version. */
export function ModelPage({ search, onSearchChange }: ModelPageProps) {
  const { can } = useSession();
  const list = useQuery({ queryKey: modelKeys.list, queryFn: () => api.get("/api/models", ZModelList) });
  const published = list.data?.items.filter((m) => m.latestPublishedNumber !== null) ?? [];
  const modelId = search.modelId ?? published[0]?.id;
  const detail = useQuery({
    queryKey: modelKeys.model(modelId ?? ""),
    queryFn: () => api.get(`/api/models/${modelId}`, ZModelDetail),
    enabled: modelId !== undefined,
  });
  const number = search.version ?? detail.data?.latestPublishedNumber ?? undefined;
  const version = useQuery({
    queryKey: modelKeys.version(modelId ?? "", number ?? 0),
    queryFn: () => api.get(`/api/models/${modelId}/versions/${number}`, ZModelVersion),
    enabled: modelId !== undefined && number !== undefined,
  });

  const header = (
    <PageHeader
      title="Practice model"
      intro="The values, elements and behaviors that describe good practice in our agency."
      actions={
        can("models.edit") ? (
          <Link to="/model/manage" className="button button-secondary">
            Edit practice models
          </Link>
        ) : null
      }
    />
  );
  if (list.isPending) return <Loading what="the practice model" />;
  if (list.isError) return <LoadError error={list.error} what="the practice model" />;
  if (published.length === 0 || modelId === undefined) {
    return (
      <>
        {header}
        <div className="notice">
          <h2>No practice model has been published yet</h2>
          <p>
            {can("models.edit")
              ? "Create a model from a template, then publish it so everyone can see it."
              : "Your implementation lead will publish it here."}
          </p>
        </div>
      </>
    );
  }
  return (
    <>
      {header}
      <div className="model-pickers">
        {published.length > 1 ? (
          <SelectField
            label="Model"
            value={modelId}
            onChange={(next) => onSearchChange({ modelId: next })}
            options={published.map((m) => ({ value: m.id, label: m.name }))}
          />
        ) : null}
        {detail.data ? (
          <SelectField
            label="Version"
            value={String(number ?? "")}
            onChange={(next) => onSearchChange({ modelId, version: Number(next) })}
            options={[...detail.data.versions].reverse().map((v) => ({
              value: String(v.number),
              label: `Version ${v.number}${v.number === detail.data.latestPublishedNumber ? " (latest)" : ""}, published ${v.publishedAt.slice(0, 10)}`,
            }))}
          />
        ) : null}
      </div>
      {version.isPending ? (
        <Loading what="the version" />
      ) : version.isError ? (
        <LoadError error={version.error} what="this version" />
      ) : (
        <>
          <section className="panel model-actions" aria-labelledby="model-take-away-heading">
            <h2 id="model-take-away-heading">Take it with you</h2>
            <ul className="model-action-list">
              <li>
                <Link
                  to="/model/$modelId/print/$number"
                  params={{ modelId, number: String(version.data.number) }}
                  search={{ kind: "booklet" }}
                >
                  Print the pocket booklet
                </Link>
              </li>
              <li>
                <a href={bookletPdfUrl(modelId, version.data.number ?? 0, { kind: "booklet" })} download>
                  Download the pocket booklet (PDF)
                </a>
              </li>
              <li>
                <a href={exportUrl(modelId, version.data.number ?? 0)} download>
                  Download this version as a file (JSON, to share with another agency)
                </a>
              </li>
              {(version.data.number ?? 1) > 1 ? (
                <li>
                  <Link
                    to="/model/$modelId/compare"
                    params={{ modelId }}
                    search={{ from: String((version.data.number ?? 2) - 1), to: String(version.data.number) }}
                  >
                    See what changed from the previous version
                  </Link>
                </li>
              ) : null}
            </ul>
          </section>
          <ModelContentView content={version.data.content} printable={{ modelId, number: version.data.number ?? 0 }} />
        </>
      )}
    </>
  );
}
