/** Cache keys of the teams pages; invalidating `all` refreshes the list and every team. */
export const teamKeys = {
  all: ["teams"] as const,
  list: ["teams", "list"] as const,
  team: (id: string) => ["teams", "detail", id] as const,
};
