/**
 * Every cached query's key, in one place, so a change can invalidate exactly what it touched.
 * Keys start with the domain; invalidating `["people"]` refreshes every list and record.
 */
export const queryKeys = {
  session: ["session"] as const,
  home: ["home"] as const,
  agency: ["agency"] as const,
  orgTree: ["org-units"] as const,
  people: ["people"] as const,
  peopleList: (query: Record<string, unknown>) => ["people", "list", query] as const,
  person: (personId: string) => ["people", "detail", personId] as const,
  /** A search-as-you-type lookup by name, such as the staff person chooser's. */
  peopleSearch: (term: string) => ["people", "search", term] as const,
  audit: ["audit-events"] as const,
  auditPage: (query: Record<string, unknown>) => ["audit-events", query] as const,
};
