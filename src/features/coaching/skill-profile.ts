import { COACHING_SKILLS, type CoachingSkill, type RaterKind } from "./coach-development.schema.js";

/** A stored rating, as far as the profile's summaries need it. */
export interface RatingPoint {
  skill: CoachingSkill;
  rating: number;
  raterKind: RaterKind;
  ratedOn: string;
  createdAt: string;
}

/**
 * Latest self rating next to latest mentor rating, for each of the eight skills in their fixed
 * order. "Latest" is the latest date; two ratings on one date are told apart by when they were
 * saved, so a correction made the same day wins.
 */
export function latestBySkill(ratings: readonly RatingPoint[]) {
  const latest = new Map<string, RatingPoint>();
  for (const r of ratings) {
    const key = `${r.skill}|${r.raterKind}`;
    const held = latest.get(key);
    if (!held || r.ratedOn > held.ratedOn || (r.ratedOn === held.ratedOn && r.createdAt > held.createdAt)) {
      latest.set(key, r);
    }
  }
  const pick = (skill: CoachingSkill, kind: RaterKind) => {
    const r = latest.get(`${skill}|${kind}`);
    return r ? { rating: r.rating, ratedOn: r.ratedOn } : null;
  };
  return COACHING_SKILLS.map((skill) => ({ skill, self: pick(skill, "self"), mentor: pick(skill, "mentor") }));
}

/**
 * One point per date and rater over time: the mean of the skills rated that day (to one
 * decimal), and how many skills it covers, so a partial sitting is not read as a full profile.
 * When a skill was rated twice by the same kind of rater on one date, the later save counts.
 */
export function ratingRounds(ratings: readonly RatingPoint[]) {
  const latestOfDay = new Map<string, RatingPoint>();
  for (const r of ratings) {
    const key = `${r.ratedOn}|${r.raterKind}|${r.skill}`;
    const held = latestOfDay.get(key);
    if (!held || r.createdAt > held.createdAt) latestOfDay.set(key, r);
  }
  const rounds = new Map<string, { ratedOn: string; raterKind: RaterKind; sum: number; n: number }>();
  for (const r of latestOfDay.values()) {
    const key = `${r.ratedOn}|${r.raterKind}`;
    const round = rounds.get(key) ?? { ratedOn: r.ratedOn, raterKind: r.raterKind, sum: 0, n: 0 };
    round.sum += r.rating;
    round.n += 1;
    rounds.set(key, round);
  }
  return [...rounds.values()]
    .sort((a, b) => a.ratedOn.localeCompare(b.ratedOn) || a.raterKind.localeCompare(b.raterKind))
    .map((r) => ({
      ratedOn: r.ratedOn,
      raterKind: r.raterKind,
      skillsRated: r.n,
      average: Math.round((r.sum / r.n) * 10) / 10,
    }));
}
