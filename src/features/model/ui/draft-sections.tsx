import { createContext, useContext } from "react";
import { TextAreaField, TextField } from "../../../../web/src/components/form-fields.js";
import { LEADERSHIP_LEVELS, type ModelContent } from "../model.schema.js";
import { LEVEL_LABELS } from "./model-content-view.js";
import { newItemId } from "./new-ids.js";
import { ReorderableList } from "./reorderable-list.js";

type Path = (string | number)[];
export type Element = ModelContent["elements"][number];
type Behavior = Element["behaviors"][number];
type Commitment = ModelContent["leadership"][number];
type LeadershipBehavior = Commitment["behaviors"][number];
type Scale = ModelContent["scales"][number];
type Level = Scale["levels"][number];

/** The input id of a place in the draft, e.g. `draft-elements-2-behaviors-0-code`; error links jump there. */
export const fieldId = (path: Path) => `draft-${path.join("-")}`;

/** Server errors name places in the draft as `content.elements.2.behaviors.0.code`. */
export const DraftErrors = createContext<(path: Path) => string | undefined>(() => undefined);
const useErrorAt = () => useContext(DraftErrors);

interface FieldProps {
  path: Path;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  multiline?: boolean;
  width?: "short" | "medium" | "long";
}

function DraftField({ path, label, value, onChange, hint, multiline, width }: FieldProps) {
  const error = useErrorAt()(path);
  const common = { id: fieldId(path), label, value, onChange, error, ...(hint ? { hint } : {}) };
  return multiline ? <TextAreaField {...common} /> : <TextField {...common} width={width ?? "long"} />;
}

/** A problem with a whole list (e.g. an element that records still use), shown above the list. */
function ListError({ path }: { path: Path }) {
  const error = useErrorAt()(path);
  if (!error) return null;
  return (
    <p className="field-error" id={fieldId(path)} tabIndex={-1}>
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  );
}

interface SectionProps {
  content: ModelContent;
  onChange: (content: ModelContent) => void;
  announce: (message: string) => void;
}

export function ValuesSection({ content, onChange, announce }: SectionProps) {
  return (
    <section className="panel" aria-labelledby="edit-values-heading">
      <h2 id="edit-values-heading">Values</h2>
      <ReorderableList
        items={content.values}
        onChange={(values) => onChange({ ...content, values })}
        keyOf={(value) => value.id}
        labelOf={(value, i) => `value ${i + 1}${value.name ? ` ${value.name}` : ""}`}
        announce={announce}
        emptyText="No values yet."
        renderItem={(value, i, update) => (
          <div className="form">
            <DraftField
              path={["values", i, "name"]}
              label="Value"
              value={value.name}
              onChange={(name) => update({ ...value, name })}
            />
            <DraftField
              path={["values", i, "description"]}
              label="What it means"
              multiline
              value={value.description}
              onChange={(description) => update({ ...value, description })}
            />
          </div>
        )}
      />
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          onChange({ ...content, values: [...content.values, { id: newItemId(), name: "", description: "" }] });
          announce("Added a value at the end of the list.");
        }}
      >
        Add a value
      </button>
    </section>
  );
}

function BehaviorsList({
  element,
  elementIndex,
  update,
  announce,
}: {
  element: Element;
  elementIndex: number;
  update: (element: Element) => void;
  announce: (message: string) => void;
}) {
  const path = ["elements", elementIndex, "behaviors"];
  const addBehavior = () => {
    const behavior: Behavior = {
      id: newItemId(),
      code: `${element.code}.${element.behaviors.length + 1}`,
      shortName: "",
      description: "",
      pocketText: "",
    };
    update({ ...element, behaviors: [...element.behaviors, behavior] });
    announce(`Added behavior ${behavior.code} to ${element.code}.`);
  };
  return (
    <div className="model-edit-behaviors">
      <h4>Practice behaviors of {element.code || "this element"}</h4>
      <ListError path={path} />
      <ReorderableList
        items={element.behaviors}
        onChange={(behaviors) => update({ ...element, behaviors })}
        keyOf={(behavior) => behavior.id}
        labelOf={(behavior) => `behavior ${behavior.code} ${behavior.shortName}`.trim()}
        announce={announce}
        emptyText="No behaviors yet."
        renderItem={(behavior, j, set) => (
          <div className="form model-edit-grid">
            <DraftField
              path={[...path, j, "code"]}
              label="Code"
              width="short"
              value={behavior.code}
              onChange={(code) => set({ ...behavior, code })}
            />
            <DraftField
              path={[...path, j, "shortName"]}
              label="Short name"
              value={behavior.shortName}
              onChange={(shortName) => set({ ...behavior, shortName })}
            />
            <DraftField
              path={[...path, j, "description"]}
              label="Full description"
              multiline
              value={behavior.description}
              onChange={(description) => set({ ...behavior, description })}
            />
            <DraftField
              path={[...path, j, "pocketText"]}
              label="Pocket text"
              hint="The short wording printed on the pocket card (at most 280 characters)."
              multiline
              value={behavior.pocketText}
              onChange={(pocketText) => set({ ...behavior, pocketText })}
            />
          </div>
        )}
      />
      <button type="button" className="button button-secondary button-small" onClick={addBehavior}>
        Add a behavior to {element.code || "this element"}
      </button>
    </div>
  );
}

export function ElementsSection({ content, onChange, announce }: SectionProps) {
  return (
    <section className="panel" aria-labelledby="edit-elements-heading">
      <h2 id="edit-elements-heading">Elements and practice behaviors</h2>
      <p className="muted">Elements are taught and printed in this order.</p>
      <ListError path={["elements"]} />
      <ReorderableList
        items={content.elements}
        onChange={(elements) => onChange({ ...content, elements })}
        keyOf={(element) => element.id}
        labelOf={(element) => `element ${element.code} ${element.name}`.trim()}
        announce={announce}
        emptyText="No elements yet."
        className="model-edit-elements"
        renderItem={(element, i, update) => (
          <>
            <div className="form model-edit-grid">
              <DraftField
                path={["elements", i, "code"]}
                label="Code"
                width="short"
                value={element.code}
                onChange={(code) => update({ ...element, code })}
              />
              <DraftField
                path={["elements", i, "name"]}
                label="Element name"
                value={element.name}
                onChange={(name) => update({ ...element, name })}
              />
              <DraftField
                path={["elements", i, "description"]}
                label="Description"
                multiline
                value={element.description}
                onChange={(description) => update({ ...element, description })}
              />
            </div>
            <BehaviorsList element={element} elementIndex={i} update={update} announce={announce} />
          </>
        )}
      />
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          const code = `E${content.elements.length + 1}`;
          onChange({
            ...content,
            elements: [...content.elements, { id: newItemId(), code, name: "", description: "", behaviors: [] }],
          });
          announce(`Added element ${code} at the end of the list.`);
        }}
      >
        Add an element
      </button>
    </section>
  );
}

function LeadershipBehaviorsList({
  commitment,
  index,
  update,
  announce,
}: {
  commitment: Commitment;
  index: number;
  update: (commitment: Commitment) => void;
  announce: (message: string) => void;
}) {
  const path = ["leadership", index, "behaviors"];
  return (
    <div className="model-edit-behaviors">
      <ReorderableList
        items={commitment.behaviors}
        onChange={(behaviors) => update({ ...commitment, behaviors })}
        keyOf={(behavior) => behavior.id}
        labelOf={(behavior) => `leadership behavior ${behavior.code} ${behavior.name}`.trim()}
        announce={announce}
        emptyText="No leadership behaviors yet."
        renderItem={(behavior: LeadershipBehavior, j, set) => (
          <div className="form model-edit-grid">
            <DraftField
              path={[...path, j, "code"]}
              label="Code"
              width="short"
              value={behavior.code}
              onChange={(code) => set({ ...behavior, code })}
            />
            <DraftField
              path={[...path, j, "name"]}
              label="Behavior"
              value={behavior.name}
              onChange={(name) => set({ ...behavior, name })}
            />
            {LEADERSHIP_LEVELS.map((level) => (
              <DraftField
                key={level}
                path={[...path, j, "variants", level]}
                label={`As a ${LEVEL_LABELS[level].toLowerCase()}`}
                multiline
                value={behavior.variants[level]}
                onChange={(text) => set({ ...behavior, variants: { ...behavior.variants, [level]: text } })}
              />
            ))}
          </div>
        )}
      />
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => {
          const code = `L${index + 1}.${commitment.behaviors.length + 1}`;
          const variants = { supervisor: "", manager: "", director: "" };
          update({
            ...commitment,
            behaviors: [...commitment.behaviors, { id: newItemId(), code, name: "", variants }],
          });
          announce(`Added leadership behavior ${code}.`);
        }}
      >
        Add a leadership behavior
      </button>
    </div>
  );
}

export function LeadershipSection({ content, onChange, announce }: SectionProps) {
  return (
    <section className="panel" aria-labelledby="edit-leadership-heading">
      <h2 id="edit-leadership-heading">Leadership commitments</h2>
      <p className="muted">Each behavior says what it looks like for supervisors, managers and directors.</p>
      <ListError path={["leadership"]} />
      <ReorderableList
        items={content.leadership}
        onChange={(leadership) => onChange({ ...content, leadership })}
        keyOf={(commitment) => commitment.id}
        labelOf={(commitment, i) => `commitment ${i + 1} ${commitment.name}`.trim()}
        announce={announce}
        emptyText="No leadership commitments yet."
        renderItem={(commitment, i, update) => (
          <>
            <div className="form">
              <DraftField
                path={["leadership", i, "name"]}
                label="Commitment"
                value={commitment.name}
                onChange={(name) => update({ ...commitment, name })}
              />
            </div>
            <LeadershipBehaviorsList commitment={commitment} index={i} update={update} announce={announce} />
          </>
        )}
      />
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          onChange({ ...content, leadership: [...content.leadership, { id: newItemId(), name: "", behaviors: [] }] });
          announce("Added a leadership commitment at the end of the list.");
        }}
      >
        Add a leadership commitment
      </button>
    </section>
  );
}

function LevelsList({
  scale,
  index,
  update,
  announce,
}: {
  scale: Scale;
  index: number;
  update: (scale: Scale) => void;
  announce: (message: string) => void;
}) {
  const path = ["scales", index, "levels"];
  return (
    <div className="model-edit-behaviors">
      <ListError path={path} />
      <ReorderableList
        items={scale.levels}
        onChange={(levels) => update({ ...scale, levels })}
        keyOf={(_level, j) => `${scale.id}-level-${j}`}
        labelOf={(level: Level, j) => `level ${j + 1} ${level.label}`.trim()}
        announce={announce}
        emptyText="No levels yet."
        renderItem={(level, j, set) => (
          <div className="form model-edit-grid">
            <DraftField
              path={[...path, j, "value"]}
              label="Value"
              width="short"
              value={String(level.value)}
              onChange={(value) => set({ ...level, value: Number(value) })}
            />
            <DraftField
              path={[...path, j, "label"]}
              label="Label"
              value={level.label}
              onChange={(label) => set({ ...level, label })}
            />
            <DraftField
              path={[...path, j, "anchor"]}
              label="What it looks like (anchor)"
              multiline
              value={level.anchor}
              onChange={(anchor) => set({ ...level, anchor })}
            />
          </div>
        )}
      />
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => {
          const value = Math.max(0, ...scale.levels.map((l) => l.value)) + 1;
          update({ ...scale, levels: [...scale.levels, { value, label: "", anchor: "" }] });
          announce(`Added level ${value}.`);
        }}
      >
        Add a level
      </button>
    </div>
  );
}

export function ScalesSection({ content, onChange, announce }: SectionProps) {
  return (
    <section className="panel" aria-labelledby="edit-scales-heading">
      <h2 id="edit-scales-heading">Rating scales</h2>
      <ListError path={["scales"]} />
      <ReorderableList
        items={content.scales}
        onChange={(scales) => onChange({ ...content, scales })}
        keyOf={(scale) => scale.id}
        labelOf={(scale, i) => `scale ${i + 1} ${scale.name}`.trim()}
        announce={announce}
        emptyText="No rating scales yet: a model needs at least one."
        renderItem={(scale, i, update) => (
          <>
            <div className="form">
              <DraftField
                path={["scales", i, "name"]}
                label="Scale name"
                value={scale.name}
                onChange={(name) => update({ ...scale, name })}
              />
            </div>
            <LevelsList scale={scale} index={i} update={update} announce={announce} />
          </>
        )}
      />
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          const levels = [
            { value: 1, label: "", anchor: "" },
            { value: 2, label: "", anchor: "" },
          ];
          onChange({ ...content, scales: [...content.scales, { id: newItemId(), name: "", levels }] });
          announce("Added a rating scale with two levels.");
        }}
      >
        Add a rating scale
      </button>
    </section>
  );
}
