/** Cache keys of the training pages; invalidating `all` refreshes every list and plan. */
export const trainingKeys = {
  all: ["training"] as const,
  plans: ["training", "rollout-plans"] as const,
  plan: (id: string) => ["training", "rollout-plans", id] as const,
  sessions: ["training", "sessions"] as const,
  session: (id: string) => ["training", "sessions", id] as const,
  staffStatus: ["training", "staff-status"] as const,
  curricula: ["training", "curricula"] as const,
  curriculum: (id: string) => ["training", "curricula", id] as const,
  mySurveys: ["training", "my-surveys"] as const,
  surveyInstrument: ["training", "survey-instrument"] as const,
  surveyResults: (sessionId: string) => ["training", "sessions", sessionId, "survey-results"] as const,
  surveyChangeByPeriod: ["training", "survey-results", "by-period"] as const,
  staffSurveyChange: ["training", "survey-results", "staff"] as const,
  deliveryChecks: ["training", "delivery-checks"] as const,
  deliveryCheck: (id: string) => ["training", "delivery-checks", id] as const,
  deliveryChecklist: ["training", "delivery-checklist"] as const,
  proposal: (id: string, volunteersFirst: boolean) =>
    ["training", "rollout-plans", id, "proposal", volunteersFirst] as const,
};
