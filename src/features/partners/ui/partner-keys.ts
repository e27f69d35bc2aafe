/** Cache keys of the partners pages; invalidating `all` refreshes every list and record. */
export const partnerKeys = {
  all: ["partners"] as const,
  list: (query: Record<string, unknown>) => ["partners", "list", query] as const,
  organization: (id: string) => ["partners", "organization", id] as const,
  person: (id: string) => ["partners", "person", id] as const,
};
