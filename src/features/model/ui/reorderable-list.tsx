import { type ReactNode, useEffect, useRef, useState } from "react";

interface ReorderableListProps<T> {
  items: T[];
  onChange: (items: T[]) => void;
  keyOf: (item: T, index: number) => string;
  /** How an item is named in buttons and announcements, e.g. "behavior E1.2 Listens". */
  labelOf: (item: T, index: number) => string;
  renderItem: (item: T, index: number, update: (next: T) => void) => ReactNode;
  /** Tells screen reader users where an item went. */
  announce: (message: string) => void;
  /** Shown when the list is empty. */
  emptyText: string;
  className?: string;
}

/**
 * A list whose items can be moved with "Move up" / "Move down" buttons (keyboard and screen
 * readers) or dragged by their handle (mouse and touch pads), and deleted. After a move the
 * focus stays on the button that moved the item, so pressing it again keeps moving it.
 */
export function ReorderableList<T>({
  items,
  onChange,
  keyOf,
  labelOf,
  renderItem,
  announce,
  emptyText,
  className,
}: ReorderableListProps<T>) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [refocus, setRefocus] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!refocus) return;
    listRef.current?.querySelector<HTMLButtonElement>(`[data-focus-key="${CSS.escape(refocus)}"]`)?.focus();
    setRefocus(null);
  }, [refocus]);

  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length || from === to) return;
    const next = [...items];
    const [moved] = next.splice(from, 1);
    if (moved === undefined) return;
    next.splice(to, 0, moved);
    onChange(next);
    announce(`Moved ${labelOf(moved, to)} to position ${to + 1} of ${items.length}.`);
    return moved;
  };

  if (items.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ol className={`reorderable ${className ?? ""}`} ref={listRef}>
      {items.map((item, index) => {
        const key = keyOf(item, index);
        const label = labelOf(item, index);
        return (
          <li
            key={key}
            className={dragging === index ? "reorderable-item is-dragging" : "reorderable-item"}
            onDragOver={(event) => {
              if (dragging !== null) event.preventDefault();
            }}
            onDrop={(event) => {
              event.preventDefault();
              if (dragging !== null) move(dragging, index);
              setDragging(null);
            }}
          >
            <div className="reorderable-bar">
              <span
                className="drag-handle"
                draggable
                title="Drag to reorder"
                aria-hidden="true"
                onDragStart={(event) => {
                  event.dataTransfer.effectAllowed = "move";
                  event.dataTransfer.setData("text/plain", label);
                  setDragging(index);
                }}
                onDragEnd={() => setDragging(null)}
              >
                ⠿
              </span>
              <span className="reorderable-label">{label}</span>
              <button
                type="button"
                className="button button-secondary button-small"
                data-focus-key={`${key}:up`}
                disabled={index === 0}
                onClick={() => {
                  const moved = move(index, index - 1);
                  if (moved === undefined) return;
                  const movedKey = keyOf(moved, index - 1);
                  setRefocus(index - 1 === 0 ? `${movedKey}:down` : `${movedKey}:up`);
                }}
              >
                Move up<span className="visually-hidden">: {label}</span>
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                data-focus-key={`${key}:down`}
                disabled={index === items.length - 1}
                onClick={() => {
                  const moved = move(index, index + 1);
                  if (moved === undefined) return;
                  const movedKey = keyOf(moved, index + 1);
                  setRefocus(index + 1 === items.length - 1 ? `${movedKey}:up` : `${movedKey}:down`);
                }}
              >
                Move down<span className="visually-hidden">: {label}</span>
              </button>
              <button
                type="button"
                className="button button-danger button-small"
                onClick={() => {
                  onChange(items.filter((_, i) => i !== index));
                  announce(`Deleted ${label}. It is gone once you save the draft.`);
                }}
              >
                Delete<span className="visually-hidden">: {label}</span>
              </button>
            </div>
            {renderItem(item, index, (next) => onChange(items.map((old, i) => (i === index ? next : old))))}
          </li>
        );
      })}
    </ol>
  );
}
