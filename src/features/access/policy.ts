import { forbidden, notFound } from "../../server/errors.js";
import type { Role } from "./roles.js";

/**
 * Cascade's authorization rules, in one place and as data: for each role, which actions it
 * may take and over how much of the agency. Every route names one action (see
 * `RouteAccess`); record-level checks call `authorize` with the record's agency and place in
 * the org tree. `tests/authorization.integration.test.ts` enumerates every route against an
 * expectations table built from this.
 */
export const ACTIONS = [
  "agency.read",
  "agency.configure",
  "orgUnits.read",
  "orgUnits.manage",
  "people.read",
  "people.manage",
  "audit.read",
  "partners.read",
  "partners.manage",
  "partnerAgreements.read",
  "partnerHours.log",
  "partnerAccounts.create",
  "teams.read",
  "teams.manage",
  "models.read",
  "models.edit",
  "modelFocus.set",
  "coaching.participate",
  "coaching.read",
  "coaching.manage",
  "coaching.aggregates",
  "training.read",
  "training.manage",
  "trainingAttendance.record",
  "trainingSurvey.manage",
  "trainingSurvey.results",
  "trainingSurvey.staffChange",
  "trainingDelivery.read",
  "trainingDelivery.assign",
  "trainingDelivery.record",
  "training.nudge",
  "fidelity.manage",
  "fidelity.rate",
  "fidelity.debriefs.read",
  "fidelity.results.read",
  "fidelity.results.individual",
  "coaching.followUp.read",
  "coachDevelopment.participate",
  "coachDevelopment.oversee",
  "roundtables.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How far a grant reaches:
 * - `agency`: every record of the user's own agency;
 * - `subtree`: records in the user's own org unit and everything below it
 *   (a supervisor's unit, a manager's office or region), plus their own record;
 * - `self`: only records about the user themself.
 * No grant ever reaches another agency.
 */
export type Scope = "agency" | "subtree" | "self";

/**
 * Partner organizations, their people and the teams they sit on are known to all staff; what
 * partners are paid (agreements and hours) only to those who manage partners or log their hours.
 */
const EVERYONE_ON_STAFF = {
  "agency.read": "agency",
  "orgUnits.read": "agency",
  "partners.read": "agency",
  "teams.read": "agency",
  "models.read": "agency",
  "training.read": "agency",
  // Each person's own change after training; wider reaches below for those who lead or run training.
  "trainingSurvey.staffChange": "self",
  // Delivery checks: anyone may be the assigned observer, and trainers see the checks of their own sessions.
  "trainingDelivery.read": "self",
  "trainingDelivery.record": "self",
} as const;
const PARTNER_PAY = { "partnerAgreements.read": "agency", "partnerHours.log": "agency" } as const;
const PARTNER_MANAGEMENT = { ...PARTNER_PAY, "partners.manage": "agency", "teams.manage": "agency" } as const;
/** Rollout plans, curricula and sessions: those who organize the agency's training. */
const TRAINING_MANAGEMENT = {
  "training.manage": "agency",
  "trainingAttendance.record": "agency",
  "trainingSurvey.manage": "agency",
  "trainingSurvey.results": "agency",
  "trainingSurvey.staffChange": "agency",
  "trainingDelivery.read": "agency",
  "trainingDelivery.assign": "agency",
} as const;
/**
 * Supervisors and managers nudge the staff in their line who still need training, and see each
 * one's change after training (the service picks the people by reporting line, not by unit).
 */
const TRAINING_NUDGES = { "training.nudge": "subtree", "trainingSurvey.staffChange": "subtree" } as const;
/** Drafts, publishing and imports of the practice model. */
const MODEL_EDITING = { "models.edit": "agency", "modelFocus.set": "agency" } as const;
/**
 * Coaches' own development (SPEC §4) is developmental, never a performance record: a coach's
 * skill ratings and observations are read by the coach, their mentor coach and the coaching
 * supervisor only. Being on the coach roster (or mentoring someone on it) is not a role, so every
 * staff member may ask and the service decides by relationship. Roundtables are scheduled by the
 * coaching supervisor, or by a coach for a roundtable they facilitate.
 */
const COACH_DEVELOPMENT_PARTICIPATION = { "coachDevelopment.participate": "self" } as const;
const COACH_DEVELOPMENT_OVERSIGHT = { "coachDevelopment.oversee": "agency", "roundtables.manage": "agency" } as const;
/**
 * Coaching is voluntary (SPEC §4): everyone on staff may ask for it and take part in their own
 * engagements; the service decides record by record who is a party. Reading engagements beyond
 * one's own (never private notes) is for the coaching supervisor and administrators; leaders
 * and partners see aggregates only.
 */
const COACHING_PARTICIPATION = { "coaching.participate": "self", ...COACH_DEVELOPMENT_PARTICIPATION } as const;
const COACHING_AGGREGATES = { "coaching.aggregates": "agency" } as const;
/**
 * Fidelity (SPEC §6). The fidelity team (admin, implementation lead) runs instruments, observers,
 * samples, scheduling, imports and reliability and sees individual observers' ratings. Observers
 * rate only the observations they are assigned to. A debrief is for the observed person and their
 * supervisor line, which the service checks per record. Results are aggregates with small cells
 * suppressed, for leaders and partners.
 */
const FIDELITY_TEAM = {
  "fidelity.manage": "agency",
  "fidelity.rate": "agency",
  "fidelity.debriefs.read": "agency",
} as const;
const OWN_DEBRIEFS = { "fidelity.debriefs.read": "self" } as const;
const FIDELITY_RESULTS = { "fidelity.results.read": "agency" } as const;
/**
 * Supervisors and managers see aggregates of their own part of the organization, and each person
 * below them in their supervisor line (the service picks the people by reporting line).
 */
const FIDELITY_RESULTS_OF_OWN_LINE = {
  "fidelity.results.read": "subtree",
  "fidelity.results.individual": "subtree",
} as const;
/** Trained units still waiting for coaching: for those who organize training and coaching. */
const TRAINING_FOLLOW_UP = { "coaching.followUp.read": "agency" } as const;

export const GRANTS: Record<Role, Partial<Record<Action, Scope>>> = {
  admin: {
    ...EVERYONE_ON_STAFF,
    "agency.configure": "agency",
    "orgUnits.manage": "agency",
    "people.read": "agency",
    "people.manage": "agency",
    "audit.read": "agency",
    ...PARTNER_MANAGEMENT,
    "partnerAccounts.create": "agency",
    ...MODEL_EDITING,
    ...COACHING_PARTICIPATION,
    "coaching.read": "agency",
    ...COACHING_AGGREGATES,
    ...TRAINING_MANAGEMENT,
    ...FIDELITY_TEAM,
    ...FIDELITY_RESULTS,
    ...TRAINING_FOLLOW_UP,
  },
  implementation_lead: {
    ...EVERYONE_ON_STAFF,
    "people.read": "agency",
    ...PARTNER_MANAGEMENT,
    ...MODEL_EDITING,
    ...COACHING_PARTICIPATION,
    ...COACHING_AGGREGATES,
    ...TRAINING_MANAGEMENT,
    ...FIDELITY_TEAM,
    ...FIDELITY_RESULTS,
    ...TRAINING_FOLLOW_UP,
  },
  training_coordinator: {
    ...EVERYONE_ON_STAFF,
    "people.read": "agency",
    ...PARTNER_PAY,
    ...COACHING_PARTICIPATION,
    ...TRAINING_MANAGEMENT,
    ...OWN_DEBRIEFS,
    ...TRAINING_FOLLOW_UP,
  },
  coaching_supervisor: {
    ...EVERYONE_ON_STAFF,
    "people.read": "agency",
    ...PARTNER_PAY,
    ...COACHING_PARTICIPATION,
    "coaching.read": "agency",
    "coaching.manage": "agency",
    ...COACH_DEVELOPMENT_OVERSIGHT,
    ...COACHING_AGGREGATES,
    ...OWN_DEBRIEFS,
    ...TRAINING_FOLLOW_UP,
  },
  executive: {
    ...EVERYONE_ON_STAFF,
    "people.read": "agency",
    ...COACHING_PARTICIPATION,
    ...COACHING_AGGREGATES,
    ...OWN_DEBRIEFS,
    ...FIDELITY_RESULTS,
  },
  // Managers and supervisors choose the monthly practice focus of the units they lead.
  manager: {
    ...EVERYONE_ON_STAFF,
    "people.read": "subtree",
    "modelFocus.set": "subtree",
    ...TRAINING_NUDGES,
    ...COACHING_PARTICIPATION,
    ...COACHING_AGGREGATES,
    ...OWN_DEBRIEFS,
    ...FIDELITY_RESULTS_OF_OWN_LINE,
  },
  supervisor: {
    ...EVERYONE_ON_STAFF,
    "people.read": "subtree",
    "modelFocus.set": "subtree",
    ...TRAINING_NUDGES,
    ...COACHING_PARTICIPATION,
    ...OWN_DEBRIEFS,
    ...FIDELITY_RESULTS_OF_OWN_LINE,
  },
  // Trainers record attendance of the sessions they train; the service checks they train it.
  // They read every session's survey results, to learn how their training lands.
  trainer: {
    ...EVERYONE_ON_STAFF,
    "people.read": "self",
    "trainingAttendance.record": "agency",
    "trainingSurvey.results": "agency",
    "trainingSurvey.staffChange": "agency",
    ...COACHING_PARTICIPATION,
    ...OWN_DEBRIEFS,
  },
  coach: {
    ...EVERYONE_ON_STAFF,
    "people.read": "self",
    ...COACHING_PARTICIPATION,
    "roundtables.manage": "self",
    ...OWN_DEBRIEFS,
  },
  fidelity_observer: {
    ...EVERYONE_ON_STAFF,
    "people.read": "self",
    ...COACHING_PARTICIPATION,
    ...OWN_DEBRIEFS,
    "fidelity.rate": "agency",
  },
  staff: { ...EVERYONE_ON_STAFF, "people.read": "self", ...COACHING_PARTICIPATION, ...OWN_DEBRIEFS },
  // Partners see aggregates only (SPEC §8); they get their own agency's name and nothing row-level.
  // The published practice model is for everyone signed in, partners included (SPEC §2).
  partner_viewer: { "agency.read": "agency", "models.read": "agency", ...COACHING_AGGREGATES, ...FIDELITY_RESULTS },
};

/**
 * A community partner who observes for the agency signs in with a partner account (no staff
 * record) that holds `fidelity_observer` beside `partner_viewer`. The observer role's staff
 * grants (org tree, partner and team lists, training, coaching, debriefs) are not theirs: on a
 * partner account it opens only the observations they are assigned to, which the service checks
 * per record. Whatever other role a partner account is given, it grants nothing.
 */
const PARTNER_ACCOUNT_GRANTS: Partial<Record<Role, Partial<Record<Action, Scope>>>> = {
  partner_viewer: GRANTS.partner_viewer,
  fidelity_observer: { "fidelity.rate": "agency" },
};

const SCOPE_WIDTH: Record<Scope, number> = { self: 1, subtree: 2, agency: 3 };

/** Who is asking: built once per request from the session. */
export interface Actor {
  userId: string;
  agencyId: string;
  personId: string | null;
  roles: Role[];
  /** Materialized path of the actor's own org unit, or null when they have none. */
  orgUnitPath: string | null;
  /** Set when the account belongs to a partner person rather than a staff member. */
  partnerPersonId?: string | null;
}

/** Where a record sits, as far as authorization cares. */
export interface RecordPlace {
  agencyId: string;
  orgUnitPath?: string | null;
  personId?: string | null;
}

/** The widest scope any of the actor's roles grants for an action, or null. */
export function scopeFor(actor: Pick<Actor, "roles" | "partnerPersonId">, action: Action): Scope | null {
  let best: Scope | null = null;
  const grants = actor.partnerPersonId ? PARTNER_ACCOUNT_GRANTS : GRANTS;
  for (const role of actor.roles) {
    const scope = grants[role]?.[action];
    if (scope && (!best || SCOPE_WIDTH[scope] > SCOPE_WIDTH[best])) best = scope;
  }
  return best;
}

export function canAct(actor: Pick<Actor, "roles" | "partnerPersonId">, action: Action): boolean {
  return scopeFor(actor, action) !== null;
}

export function isInScope(actor: Actor, scope: Scope, place: RecordPlace): boolean {
  if (place.agencyId !== actor.agencyId) return false;
  const isSelf = place.personId != null && place.personId === actor.personId;
  switch (scope) {
    case "agency":
      return true;
    case "subtree":
      return isSelf || (actor.orgUnitPath !== null && place.orgUnitPath?.startsWith(actor.orgUnitPath) === true);
    case "self":
      return isSelf;
  }
}

/**
 * Throws unless the actor may take `action` on the record. Another agency's record is
 * reported as not found, so its existence is never revealed.
 */
export function authorize(actor: Actor, action: Action, place: RecordPlace, what = "The record"): void {
  if (place.agencyId !== actor.agencyId) throw notFound(what);
  const scope = scopeFor(actor, action);
  if (!scope || !isInScope(actor, scope, place)) throw forbidden();
}

/** A filter a repository applies to list queries, derived from the actor's scope. */
export type ScopeFilter =
  | { kind: "agency"; agencyId: string }
  | { kind: "subtree"; agencyId: string; orgUnitPath: string | null; personId: string | null }
  | { kind: "self"; agencyId: string; personId: string | null };

export function scopeFilterFor(actor: Actor, action: Action): ScopeFilter {
  const scope = scopeFor(actor, action);
  if (!scope) throw forbidden();
  if (scope === "agency") return { kind: "agency", agencyId: actor.agencyId };
  if (scope === "subtree") {
    return { kind: "subtree", agencyId: actor.agencyId, orgUnitPath: actor.orgUnitPath, personId: actor.personId };
  }
  return { kind: "self", agencyId: actor.agencyId, personId: actor.personId };
}

/** What a route requires before its handler runs. */
export type RouteAccess = "public" | "signed-in" | Action;
