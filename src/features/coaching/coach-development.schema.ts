import { z } from "zod";
import { isoDate, ZSessionFormat } from "./coaching.schema.js";

/**
 * Zod schemas of coaches' own development (SPEC §4), shared by the API and the web forms: the
 * coaching-skills profile rated by the coach and their mentor, and mentor observations.
 */

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`);
const required = (max: number) => text(max).min(1, "Fill this in.");
const version = z.number().int().min(1);

/** The general coaching skills every coach keeps growing, whatever the practice model. */
export const COACHING_SKILLS = [
  "inquiry",
  "active_listening",
  "feedback",
  "modeling",
  "behavioral_rehearsal",
  "relationship_building",
  "cultural_responsiveness",
  "goal_setting",
] as const;
export const ZCoachingSkill = z.enum(COACHING_SKILLS);
export type CoachingSkill = z.infer<typeof ZCoachingSkill>;
export const COACHING_SKILL_LABELS: Record<CoachingSkill, string> = {
  inquiry: "Inquiry",
  active_listening: "Active listening and reflection",
  feedback: "Positive and constructive feedback",
  modeling: "Modeling",
  behavioral_rehearsal: "Behavioral rehearsal",
  relationship_building: "Relationship building",
  cultural_responsiveness: "Cultural responsiveness",
  goal_setting: "Goal setting",
};

/** A four-step scale; each step says what the coach does, so a rating is about practice, not worth. */
export const SKILL_LEVELS = [1, 2, 3, 4] as const;
export const SKILL_LEVEL_ANCHORS: Record<(typeof SKILL_LEVELS)[number], { label: string; meaning: string }> = {
  1: { label: "Emerging", meaning: "Knows what the skill looks like and is starting to try it, with support." },
  2: { label: "Developing", meaning: "Uses it in some sessions; it does not come easily yet." },
  3: { label: "Proficient", meaning: "Uses it steadily and fits it to the person being coached." },
  4: { label: "Mentoring others", meaning: "Uses it with ease and helps other coaches learn it." },
};
const ZSkillLevel = z.number().int().min(1, "Choose a level from 1 to 4.").max(4, "Choose a level from 1 to 4.");

/** Who gave a rating: the coach about themself, or their mentor (or the coaching supervisor). */
export const RATER_KINDS = ["self", "mentor"] as const;
export const ZRaterKind = z.enum(RATER_KINDS);
export type RaterKind = z.infer<typeof ZRaterKind>;

/** One sitting: the rater rates some or all of the skills on one date. */
export const ZSkillRatingInput = z.object({
  ratedOn: isoDate,
  ratings: z
    .array(z.object({ skill: ZCoachingSkill, rating: ZSkillLevel, note: text(2000) }))
    .min(1, "Rate at least one skill.")
    .max(COACHING_SKILLS.length)
    .refine((items) => new Set(items.map((i) => i.skill)).size === items.length, "Rate each skill once."),
});
export type SkillRatingInput = z.infer<typeof ZSkillRatingInput>;

export const ZSkillRating = z.object({
  id: z.string(),
  skill: ZCoachingSkill,
  rating: z.number().int(),
  raterKind: ZRaterKind,
  raterName: z.string(),
  ratedOn: isoDate,
  note: z.string(),
});
export type SkillRating = z.infer<typeof ZSkillRating>;

export const ZObservationInput = z.object({
  observedOn: isoDate,
  format: ZSessionFormat,
  skills: z.array(ZCoachingSkill).min(1, "Choose at least one skill you observed.").max(COACHING_SKILLS.length),
  strengths: required(4000),
  thingsToTry: z.array(required(1000)).min(1, "Name one thing to try.").max(2, "Keep it to one or two things to try."),
});
export type ObservationInput = z.infer<typeof ZObservationInput>;

export const ZReflectionInput = z.object({ reflection: required(4000), version });
export type ReflectionInput = z.infer<typeof ZReflectionInput>;

export const ZCoachObservation = z.object({
  id: z.string(),
  coachId: z.string(),
  observedOn: isoDate,
  format: ZSessionFormat,
  skills: z.array(ZCoachingSkill),
  strengths: z.string(),
  thingsToTry: z.array(z.string()),
  observerName: z.string(),
  coachReflection: z.string().nullable(),
  reflectedAt: z.string().nullable(),
  version: z.number().int(),
});
export type CoachObservation = z.infer<typeof ZCoachObservation>;

/** How the reader relates to a coach's development record; it decides what they may add. */
export const ZDevelopmentRelation = z.enum(["coach", "mentor", "oversight"]);
export type DevelopmentRelation = z.infer<typeof ZDevelopmentRelation>;

export const ZSkillComparison = z.object({
  skill: ZCoachingSkill,
  self: z.object({ rating: z.number().int(), ratedOn: isoDate }).nullable(),
  mentor: z.object({ rating: z.number().int(), ratedOn: isoDate }).nullable(),
});

export const ZRatingRound = z.object({
  ratedOn: isoDate,
  raterKind: ZRaterKind,
  skillsRated: z.number().int(),
  average: z.number(),
});

export const ZCoachDevelopment = z.object({
  coachId: z.string(),
  coachName: z.string(),
  mentorName: z.string().nullable(),
  relation: ZDevelopmentRelation,
  latest: z.array(ZSkillComparison),
  rounds: z.array(ZRatingRound),
  ratings: z.array(ZSkillRating),
  observations: z.array(ZCoachObservation),
});
export type CoachDevelopment = z.infer<typeof ZCoachDevelopment>;

/** The coaches whose development the reader may open, and their own coach record if they have one. */
export const ZDevelopmentDirectory = z.object({
  ownCoachId: z.string().nullable(),
  coaches: z.array(z.object({ coachId: z.string(), name: z.string(), relation: ZDevelopmentRelation })),
});
