/** Cache keys of the coach development pages, under coaching's so a coaching refresh includes them. */
export const coachDevelopmentKeys = {
  all: ["coaching", "development"] as const,
  directory: ["coaching", "development", "directory"] as const,
  coach: (coachId: string) => ["coaching", "development", "coach", coachId] as const,
  roundtables: ["coaching", "development", "roundtables"] as const,
};
