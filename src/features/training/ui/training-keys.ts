/** Cache keys of the training pages; invalidating `all` refreshes every list and plan. */
export const trainingKeys = {
  all: ["training"] as const,
  plans: ["training", "rollout-plans"] as const,
  plan: (id: string) => ["training", "rollout-plans", id] as const,
  sessions: ["training", "sessions"] as const,
  session: (id: string) => ["training", "sessions", id] as const,
  staffStatus: ["training", "staff-status"] as const,
  deliveryChecks: ["training", "delivery-checks"] as const,
  deliveryCheck: (id: string) => ["training", "delivery-checks", id] as const,
  deliveryChecklist: ["training", "delivery-checklist"] as const,
  proposal: (id: string, volunteersFirst: boolean) =>
    ["training", "rollout-plans", id, "proposal", volunteersFirst] as const,
};
