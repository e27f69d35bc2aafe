/**
 * Ranks coaches for one coaching request. Pure: the service gathers the facts (who the coachee
 * reports to, who reports to them, whom each coach already coaches) and this decides.
 *
 * Conflict rules, each of which removes a coach from the suggestions with its reason:
 * - `self`: nobody coaches themself.
 * - `coaches-own-staff`: a coachee who supervises people (anyone below them in the reporting
 *   line, not just direct reports) is not matched to a coach who currently coaches one of them,
 *   so a supervisor and their staff never share a coach.
 * - `supervisory-authority`: a coach who is not agency staff in the ordinary sense (external,
 *   community or Tribal) is never matched to someone they sit above in the reporting line.
 *   Internal coaches may coach down their own line: in the cascade, supervisors coach their
 *   workers. A partner person is never in a reporting line, so this only catches staff people
 *   registered as external coaches.
 * - `not-available`: the coach has switched off "available for new coachees".
 * - `at-capacity`: the coach already has as many active coachees as their capacity.
 *
 * The score (0–100) of everyone left is the sum of four explained parts.
 */

export const SCORE_WEIGHTS = { capacity: 30, strengths: 40, language: 15, region: 15 } as const;

export type ConflictRule = "self" | "coaches-own-staff" | "supervisory-authority" | "not-available" | "at-capacity";

export interface MatchCoach {
  id: string;
  name: string;
  kind: "internal" | "external" | "community" | "tribal";
  /** Null for a partner person, who has no place in the agency's reporting lines. */
  personId: string | null;
  strengthItemIds: readonly string[];
  languages: readonly string[];
  /** Materialized path of the coach's region, or null when they cover the whole agency. */
  regionPath: string | null;
  regionName: string | null;
  capacityCoachees: number;
  availableForNew: boolean;
  /** People the coach coaches in engagements that are not closed. */
  activeCoacheeIds: readonly string[];
}

export interface MatchCoachee {
  personId: string;
  /** Behavior and element ids the person chose as goals. */
  goalItemIds: readonly string[];
  /** Each behavior's element, so a coach strong in a whole element covers its behaviors. */
  elementOfBehavior: ReadonlyMap<string, string>;
  preferredLanguage: string | null;
  languages: readonly string[];
  orgUnitPath: string | null;
  /** Everyone above the coachee in the reporting line. */
  supervisorChainIds: readonly string[];
  /** Everyone below the coachee in the reporting line. */
  reportIds: readonly string[];
}

export interface ScorePart {
  factor: "capacity" | "strengths" | "language" | "region";
  points: number;
  max: number;
  explanation: string;
}

export interface RankedCoach {
  coachId: string;
  name: string;
  score: number;
  parts: ScorePart[];
}

export interface ExcludedCoach {
  coachId: string;
  name: string;
  rule: ConflictRule;
  explanation: string;
}

export interface MatchResult {
  ranked: RankedCoach[];
  excluded: ExcludedCoach[];
}

export function conflictOf(
  coach: MatchCoach,
  coachee: MatchCoachee,
): { rule: ConflictRule; explanation: string } | null {
  if (coach.personId === coachee.personId) {
    return { rule: "self", explanation: "This is the person asking for coaching." };
  }
  const reports = new Set(coachee.reportIds);
  if (coach.activeCoacheeIds.some((id) => reports.has(id))) {
    return {
      rule: "coaches-own-staff",
      explanation:
        "Already coaches someone who reports to this person; a supervisor and their staff do not share a coach.",
    };
  }
  if (coach.kind !== "internal" && coach.personId !== null && coachee.supervisorChainIds.includes(coach.personId)) {
    return {
      rule: "supervisory-authority",
      explanation: `An ${coach.kind} coach cannot coach someone they supervise.`,
    };
  }
  if (!coach.availableForNew) {
    return { rule: "not-available", explanation: "Not taking new coachees at the moment." };
  }
  if (coach.activeCoacheeIds.length >= coach.capacityCoachees) {
    return {
      rule: "at-capacity",
      explanation: `Coaches ${coach.activeCoacheeIds.length} of ${coach.capacityCoachees} people already.`,
    };
  }
  return null;
}

function capacityPart(coach: MatchCoach): ScorePart {
  const remaining = coach.capacityCoachees - coach.activeCoacheeIds.length;
  const points = Math.round((SCORE_WEIGHTS.capacity * remaining) / coach.capacityCoachees);
  return {
    factor: "capacity",
    points,
    max: SCORE_WEIGHTS.capacity,
    explanation: `${remaining} of ${coach.capacityCoachees} places free.`,
  };
}

function strengthsPart(coach: MatchCoach, coachee: MatchCoachee): ScorePart {
  const goals = coachee.goalItemIds;
  if (goals.length === 0) {
    return { factor: "strengths", points: 0, max: SCORE_WEIGHTS.strengths, explanation: "No goals chosen yet." };
  }
  const strengths = new Set(coach.strengthItemIds);
  const covered = goals.filter((id) => strengths.has(id) || strengths.has(coachee.elementOfBehavior.get(id) ?? ""));
  return {
    factor: "strengths",
    points: Math.round((SCORE_WEIGHTS.strengths * covered.length) / goals.length),
    max: SCORE_WEIGHTS.strengths,
    explanation: `Strong in ${covered.length} of the ${goals.length} goals.`,
  };
}

function languagePart(coach: MatchCoach, coachee: MatchCoachee): ScorePart {
  const wanted = coachee.preferredLanguage ? [coachee.preferredLanguage] : coachee.languages;
  const spoken = new Set(coach.languages.map((l) => l.toLowerCase()));
  const shared = wanted.find((l) => spoken.has(l.toLowerCase()));
  return shared
    ? {
        factor: "language",
        points: SCORE_WEIGHTS.language,
        max: SCORE_WEIGHTS.language,
        explanation: `Speaks ${shared}.`,
      }
    : {
        factor: "language",
        points: 0,
        max: SCORE_WEIGHTS.language,
        explanation: wanted.length > 0 ? `Does not list ${wanted.join(" or ")}.` : "No language preference given.",
      };
}

function regionPart(coach: MatchCoach, coachee: MatchCoachee): ScorePart {
  if (coach.regionPath === null) {
    return {
      factor: "region",
      points: SCORE_WEIGHTS.region,
      max: SCORE_WEIGHTS.region,
      explanation: "Covers the whole agency.",
    };
  }
  const inRegion = coachee.orgUnitPath?.startsWith(coach.regionPath) === true;
  return {
    factor: "region",
    points: inRegion ? SCORE_WEIGHTS.region : 0,
    max: SCORE_WEIGHTS.region,
    explanation: inRegion
      ? `Works in ${coach.regionName ?? "the same region"}.`
      : `Works in ${coach.regionName ?? "another region"}.`,
  };
}

/** Highest score first; ties go to the coach with more free places, then by name. */
export function rankCoaches(coaches: readonly MatchCoach[], coachee: MatchCoachee): MatchResult {
  const ranked: RankedCoach[] = [];
  const excluded: ExcludedCoach[] = [];
  for (const coach of coaches) {
    const conflict = conflictOf(coach, coachee);
    if (conflict) {
      excluded.push({ coachId: coach.id, name: coach.name, ...conflict });
      continue;
    }
    const parts = [
      capacityPart(coach),
      strengthsPart(coach, coachee),
      languagePart(coach, coachee),
      regionPart(coach, coachee),
    ];
    ranked.push({ coachId: coach.id, name: coach.name, score: parts.reduce((sum, p) => sum + p.points, 0), parts });
  }
  const free = new Map(coaches.map((c) => [c.id, c.capacityCoachees - c.activeCoacheeIds.length]));
  ranked.sort(
    (a, b) =>
      b.score - a.score || (free.get(b.coachId) ?? 0) - (free.get(a.coachId) ?? 0) || a.name.localeCompare(b.name),
  );
  return { ranked, excluded };
}
