/** Cache keys of the coaching pages; invalidating `all` refreshes every one of them. */
export const coachingKeys = {
  all: ["coaching"] as const,
  programs: ["coaching", "programs"] as const,
  coverage: ["coaching", "coverage"] as const,
  trainingFollowUp: ["coaching", "training-follow-up"] as const,
  requests: ["coaching", "requests"] as const,
  engagements: ["coaching", "engagements"] as const,
  engagement: (id: string) => ["coaching", "engagement", id] as const,
  suggestions: (id: string) => ["coaching", "suggestions", id] as const,
  session: (id: string) => ["coaching", "session", id] as const,
};
