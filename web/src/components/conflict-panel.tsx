import { useEffect, useRef } from "react";

export interface ConflictRow {
  label: string;
  mine: string;
  current: string;
}

interface ConflictPanelProps {
  rows: ConflictRow[];
  /** While the chosen version is being saved. */
  busy?: boolean;
  onApplyMine: () => void;
  onDiscardMine: () => void;
}

const shown = (value: string) => (value === "" ? "(empty)" : value);

/**
 * Someone saved the same record while this person was editing it. Both versions are shown
 * side by side, and nothing typed is thrown away until the person chooses to.
 */
export function ConflictPanel({ rows, busy, onApplyMine, onDiscardMine }: ConflictPanelProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="conflict" role="alert" tabIndex={-1} ref={ref} aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Someone else changed this while you were editing</h2>
      <p>
        Your changes are not saved yet. Compare the two versions below, then choose which to keep. Rows marked
        "Different" are the ones that do not match.
      </p>
      <div className="table-wrap">
        <table className="table conflict-table">
          <caption className="visually-hidden">Your version and the current version, field by field</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Your version</th>
              <th scope="col">Current version</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const differs = row.mine !== row.current;
              return (
                <tr key={row.label} className={differs ? "differs" : undefined}>
                  <th scope="row">
                    {row.label}
                    {differs ? <span className="badge">Different</span> : null}
                  </th>
                  <td>{shown(row.mine)}</td>
                  <td>{shown(row.current)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={onApplyMine}>
          Save my changes on top of the current version
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={onDiscardMine}>
          Discard my changes
        </button>
      </div>
      <p className="muted">
        "Save my changes" keeps the fields you changed and takes everything else from the current version.
      </p>
    </div>
  );
}
