import { Link } from "@tanstack/react-router";
import { LEADERSHIP_LEVELS, type ModelContent } from "../model.schema.js";

export const LEVEL_LABELS: Record<(typeof LEADERSHIP_LEVELS)[number], string> = {
  supervisor: "Supervisor",
  manager: "Manager",
  director: "Director",
};

interface ModelContentViewProps {
  content: ModelContent;
  /** The published version shown, so each element can link to its printable page. */
  printable: { modelId: string; number: number };
}

/** A published model, read-only: values, elements with behaviors, leadership, scales. */
export function ModelContentView({ content, printable }: ModelContentViewProps) {
  return (
    <div className="model-view">
      <section className="panel" aria-labelledby="model-values-heading">
        <h2 id="model-values-heading">Values</h2>
        {content.values.length === 0 ? (
          <p className="muted">No values written down yet.</p>
        ) : (
          <dl className="model-values">
            {content.values.map((value) => (
              <div key={value.id}>
                <dt>{value.name}</dt>
                <dd>{value.description}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section className="panel" aria-labelledby="model-elements-heading">
        <h2 id="model-elements-heading">Elements and practice behaviors</h2>
        {content.elements.length === 0 ? <p className="muted">No elements yet.</p> : null}
        <ol className="model-elements">
          {content.elements.map((element) => (
            <li key={element.id}>
              <h3>
                <span className="model-code">{element.code}</span> {element.name}
              </h3>
              {element.description ? <p>{element.description}</p> : null}
              <p className="model-print-link">
                <Link
                  to="/model/$modelId/print/$number"
                  params={{ modelId: printable.modelId, number: String(printable.number) }}
                  search={{ kind: "element", elementId: element.id }}
                >
                  Print a one-page sheet about {element.name}
                </Link>
              </p>
              <ul className="model-behaviors">
                {element.behaviors.map((behavior) => (
                  <li key={behavior.id}>
                    <h4>
                      <span className="model-code">{behavior.code}</span> {behavior.shortName}
                    </h4>
                    {behavior.description ? <p>{behavior.description}</p> : null}
                    {behavior.pocketText ? (
                      <p className="model-pocket">
                        <strong>In your pocket:</strong> {behavior.pocketText}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>

      <section className="panel" aria-labelledby="model-leadership-heading">
        <h2 id="model-leadership-heading">Leadership behaviors</h2>
        <p className="model-print-link">
          Print them for{" "}
          {LEADERSHIP_LEVELS.map((level, i) => (
            <span key={level}>
              {i > 0 ? (i === LEADERSHIP_LEVELS.length - 1 ? " or " : ", ") : null}
              <Link
                to="/model/$modelId/print/$number"
                params={{ modelId: printable.modelId, number: String(printable.number) }}
                search={{ kind: "leadership", level }}
              >
                {LEVEL_LABELS[level].toLowerCase()}s
              </Link>
            </span>
          ))}
          .
        </p>
        {content.leadership.length === 0 ? <p className="muted">No leadership commitments yet.</p> : null}
        {content.leadership.map((commitment) => (
          <div key={commitment.id} className="model-commitment">
            <h3>{commitment.name}</h3>
            {commitment.behaviors.map((behavior) => (
              <div key={behavior.id} className="table-wrap">
                <table className="table model-variants">
                  <caption>
                    <span className="model-code">{behavior.code}</span> {behavior.name}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Level</th>
                      <th scope="col">What it looks like</th>
                    </tr>
                  </thead>
                  <tbody>
                    {LEADERSHIP_LEVELS.map((level) => (
                      <tr key={level}>
                        <th scope="row">{LEVEL_LABELS[level]}</th>
                        <td>{behavior.variants[level]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          </div>
        ))}
      </section>

      <section className="panel" aria-labelledby="model-scales-heading">
        <h2 id="model-scales-heading">Rating scales</h2>
        {content.scales.map((scale) => (
          <div key={scale.id} className="table-wrap">
            <table className="table">
              <caption>{scale.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Value</th>
                  <th scope="col">Level</th>
                  <th scope="col">What it looks like</th>
                </tr>
              </thead>
              <tbody>
                {scale.levels.map((level) => (
                  <tr key={level.value}>
                    <td>{level.value}</td>
                    <th scope="row">{level.label}</th>
                    <td>{level.anchor}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
    </div>
  );
}
