import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api } from "../../../../web/src/api/api-client.js";
import { SelectField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { LEADERSHIP_LEVELS, type ModelContent, ZModelVersion } from "../model.schema.js";
import { LEVEL_LABELS } from "./model-content-view.js";
import { modelKeys } from "./model-keys.js";
import { bookletPdfUrl } from "./model-links.js";
import type { PrintSearch } from "./model-search.js";

/** Flashcards: one card per behavior with its pocket wording, two across, never split over a page. */
function PocketCards({ content }: { content: ModelContent }) {
  return (
    <div className="print-cards">
      {content.elements.map((element) => (
        <section key={element.id} className="print-element-cards" aria-label={`${element.code} ${element.name}`}>
          <h2 className="print-card-heading">
            {element.code} {element.name}
          </h2>
          <ul className="print-card-grid">
            {element.behaviors.map((behavior) => (
              <li key={behavior.id} className="print-card">
                <p className="print-card-code">{element.name}</p>
                <h3>
                  {behavior.code} {behavior.shortName}
                </h3>
                <p>{behavior.pocketText || behavior.description}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function ElementOnePager({ element }: { element: ModelContent["elements"][number] }) {
  return (
    <article className="print-page">
      <h2>
        {element.code} {element.name}
      </h2>
      {element.description ? <p className="print-lead">{element.description}</p> : null}
      {element.behaviors.map((behavior) => (
        <div key={behavior.id} className="print-behavior">
          <h3>
            {behavior.code} {behavior.shortName}
          </h3>
          <p>{behavior.description}</p>
          {behavior.pocketText ? (
            <p className="model-pocket">
              <strong>In your pocket:</strong> {behavior.pocketText}
            </p>
          ) : null}
        </div>
      ))}
    </article>
  );
}

function LeadershipOnePager({ content, level }: { content: ModelContent; level: (typeof LEADERSHIP_LEVELS)[number] }) {
  return (
    <article className="print-page">
      <h2>Leadership behaviors for {LEVEL_LABELS[level].toLowerCase()}s</h2>
      {content.leadership.map((commitment) => (
        <div key={commitment.id} className="print-behavior">
          <h3>{commitment.name}</h3>
          <dl>
            {commitment.behaviors.map((behavior) => (
              <div key={behavior.id}>
                <dt>
                  {behavior.code} {behavior.name}
                </dt>
                <dd>{behavior.variants[level]}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </article>
  );
}

interface ModelPrintPageProps {
  modelId: string;
  number: number;
  search: PrintSearch;
  onSearchChange: (next: PrintSearch) => void;
}

/**
 * Print-ready pages: pick what to print, then use the browser's print (the page's own print
 * styles drop the navigation and keep cards whole), or download the same as a PDF.
 */
export function ModelPrintPage({ modelId, number, search, onSearchChange }: ModelPrintPageProps) {
  const version = useQuery({
    queryKey: modelKeys.version(modelId, number),
    queryFn: () => api.get(`/api/models/${modelId}/versions/${number}`, ZModelVersion),
  });
  if (version.isPending) return <Loading what="the model" />;
  if (version.isError) return <LoadError error={version.error} what="this version" />;
  const { content } = version.data;
  const elementId = search.elementId ?? content.elements[0]?.id ?? "";
  const level = search.level ?? "supervisor";
  const element = content.elements.find((e) => e.id === elementId);
  const printout =
    search.kind === "element"
      ? ({ kind: "element", elementId } as const)
      : search.kind === "leadership"
        ? ({ kind: "leadership", level } as const)
        : ({ kind: "booklet" } as const);
  return (
    <>
      <div className="no-print">
        <PageHeader
          title="Print the practice model"
          intro={`Version ${number}. Choose what to print, then print it or download it as a PDF.`}
          actions={
            <Link to="/model" search={{ modelId, version: number }} className="button button-secondary">
              Back to the practice model
            </Link>
          }
        />
        <div className="model-pickers">
          <SelectField
            label="What to print"
            value={search.kind}
            onChange={(kind) => onSearchChange({ ...search, kind: kind as PrintSearch["kind"] })}
            options={[
              { value: "booklet", label: "Pocket cards of every behavior" },
              { value: "element", label: "One page about one element" },
              { value: "leadership", label: "Leadership behaviors for one level" },
            ]}
          />
          {search.kind === "element" ? (
            <SelectField
              label="Element"
              value={elementId}
              onChange={(next) => onSearchChange({ ...search, elementId: next })}
              options={content.elements.map((e) => ({ value: e.id, label: `${e.code} ${e.name}` }))}
            />
          ) : null}
          {search.kind === "leadership" ? (
            <SelectField
              label="Level"
              value={level}
              onChange={(next) => onSearchChange({ ...search, level: next as PrintSearch["level"] })}
              options={LEADERSHIP_LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
            />
          ) : null}
        </div>
        <div className="button-row">
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
          <a className="button button-secondary" href={bookletPdfUrl(modelId, number, printout)} download>
            Download as PDF
          </a>
        </div>
      </div>
      <div className="print-area">
        {search.kind === "booklet" ? <PocketCards content={content} /> : null}
        {search.kind === "element" && element ? <ElementOnePager element={element} /> : null}
        {search.kind === "leadership" ? <LeadershipOnePager content={content} level={level} /> : null}
      </div>
    </>
  );
}
