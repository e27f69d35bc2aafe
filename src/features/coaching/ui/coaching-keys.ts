/** Cache keys of the coaching pages; invalidating `all` refreshes every one of them. */
export const coachingKeys = {
  all: ["coaching"] as const,
  programs: ["coaching", "programs"] as const,
  coverage: ["coaching", "coverage"] as const,
  trainingFollowUp: ["coaching", "training-follow-up"] as const,
  /** Every page of the requests list. */
  requestLists: ["coaching", "requests"] as const,
  requests: (page: number) => ["coaching", "requests", page] as const,
  request: (id: string) => ["coaching", "request", id] as const,
  /** Every page of the engagements list. */
  engagementLists: ["coaching", "engagements"] as const,
  engagements: (page: number) => ["coaching", "engagements", page] as const,
  engagement: (id: string) => ["coaching", "engagement", id] as const,
  /** Under the engagement's key, so refreshing the engagement refreshes its log too. */
  sessionLog: (id: string, page: number) => ["coaching", "engagement", id, "sessions", page] as const,
  /** Under the engagement's key too: open action items and barriers across its sessions. */
  followUp: (id: string) => ["coaching", "engagement", id, "follow-up"] as const,
  suggestions: (id: string) => ["coaching", "suggestions", id] as const,
  session: (id: string) => ["coaching", "session", id] as const,
};
