/** Cache keys of the fidelity pages; invalidating `all` refreshes every one of them. */
export const fidelityKeys = {
  all: ["fidelity"] as const,
  instruments: ["fidelity", "instruments"] as const,
  observers: ["fidelity", "observers"] as const,
  observations: ["fidelity", "observations"] as const,
  observation: (id: string) => ["fidelity", "observation", id] as const,
  reliability: (instrumentId: string) => ["fidelity", "reliability", instrumentId] as const,
  debriefs: (personId: string) => ["fidelity", "debriefs", personId] as const,
  debriefList: (filters: Record<string, string>) => ["fidelity", "debrief-list", filters] as const,
  debrief: (observationId: string) => ["fidelity", "debrief", observationId] as const,
  observationPage: (filters: Record<string, string | number>) => ["fidelity", "observations", filters] as const,
  personResults: ["fidelity", "results", "people"] as const,
  instrument: (id: string) => ["fidelity", "instrument", id] as const,
  calibrationCases: ["fidelity", "calibration-cases"] as const,
  calibrationCase: (id: string) => ["fidelity", "calibration-case", id] as const,
  calibrationResults: ["fidelity", "calibration-results"] as const,
};

export const EVENT_TYPE_LABELS = { teaming_event: "Teaming event", family_meeting: "Family meeting" } as const;
export const STATUS_LABELS = {
  scheduled: "Waiting for ratings",
  rated: "Ready to reconcile",
  reconciled: "Reconciled",
} as const;

/** A share as a whole percentage, or a dash when there is nothing to measure. */
export function percent(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}

export function decimal(value: number | null): string {
  return value === null ? "—" : value.toFixed(2);
}
