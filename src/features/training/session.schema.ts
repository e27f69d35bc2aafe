import { z } from "zod";

export const TRAINER_ROLES = ["lead", "co_trainer"] as const;
export const ZTrainerRole = z.enum(TRAINER_ROLES);
export const TRAINER_ROLE_LABELS: Record<z.infer<typeof ZTrainerRole>, string> = {
  lead: "Lead trainer",
  co_trainer: "Co-trainer",
};

export const ATTENDANCE = ["present", "absent", "partial"] as const;
export const ZAttendance = z.enum(ATTENDANCE);
export type Attendance = z.infer<typeof ZAttendance>;

export const ZSessionTrainer = z.object({
  id: z.string(),
  kind: z.enum(["staff", "partner"]),
  personId: z.string().nullable(),
  partnerPersonId: z.string().nullable(),
  name: z.string(),
  role: ZTrainerRole,
});

export const ZEnrollment = z.object({
  personId: z.string(),
  name: z.string(),
  attendance: ZAttendance.nullable(),
  minutesAttended: z.number().int().nullable(),
});

export const ZTrainingSession = z.object({
  id: z.string(),
  title: z.string(),
  curriculumId: z.string().nullable(),
  moduleIds: z.array(z.string()),
  startsAt: z.string().describe("UTC"),
  endsAt: z.string().describe("UTC"),
  /** The start and end as the agency's clocks show them, e.g. `Thu, Dec 3, 2026, 9:00 AM`. */
  startsLocal: z.string(),
  endsLocal: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  place: z.string(),
  videoLink: z.string(),
  facility: z.string(),
  capacity: z.number().int(),
  enrolledCount: z.number().int(),
  version: z.number().int(),
});
export type TrainingSession = z.infer<typeof ZTrainingSession>;

export const ZTrainingSessionList = z.object({ items: z.array(ZTrainingSession) });

export const ZTrainingSessionDetail = ZTrainingSession.extend({
  trainers: z.array(ZSessionTrainer),
  enrollments: z.array(ZEnrollment),
  /** The cohort against the default bounds (10–20, up to 35), in words; null when it is fine. */
  cohortNote: z.string().nullable(),
});
export type TrainingSessionDetail = z.infer<typeof ZTrainingSessionDetail>;

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 09:30.");
const optionalId = z
  .string()
  .max(64)
  .transform((v) => v || null)
  .nullable();

/** What a session is, apart from who is enrolled: the fields shared by scheduling and editing. */
const sessionFields = {
  title: z.string().trim().min(1, "Enter a title.").max(200, "Use at most 200 characters."),
  curriculumId: optionalId.default(null),
  moduleIds: z.array(z.string().max(64)).max(100).default([]),
  date: z.iso.date({ message: "Use a date like 2026-12-03." }),
  startTime: localTime.describe("In the agency's time zone"),
  endTime: localTime.describe("In the agency's time zone"),
  place: z.string().trim().max(300).default(""),
  videoLink: z.union([z.literal(""), z.url({ message: "Enter a full link starting with https://." })]).default(""),
  facility: z.string().trim().max(300).default(""),
  capacity: z.number().int().min(1, "Capacity is at least 1.").max(200),
  trainers: z
    .array(
      z
        .object({ personId: optionalId.default(null), partnerPersonId: optionalId.default(null), role: ZTrainerRole })
        .refine((t) => (t.personId === null) !== (t.partnerPersonId === null), {
          message: "Choose one staff person or one partner person.",
          path: ["personId"],
        }),
    )
    .min(1, "Add at least one trainer.")
    .max(10),
};

type SessionFields = { startTime: string; endTime: string; place: string; videoLink: string };

const endsAfterStart = (s: SessionFields) => s.endTime > s.startTime;
const endsAfterStartError = { message: "The session ends after it starts.", path: ["endTime"] };
const hasPlaceOrLink = (s: SessionFields) => s.place !== "" || s.videoLink !== "";
const placeOrLinkError = { message: "Give a place or a video link.", path: ["place"] };

export const ZTrainingSessionInput = z
  .object({ ...sessionFields, enrolledPersonIds: z.array(z.string().max(64)).max(200).default([]) })
  .refine(endsAfterStart, endsAfterStartError)
  .refine(hasPlaceOrLink, placeOrLinkError)
  .refine((s) => s.enrolledPersonIds.length <= s.capacity, {
    message: "More people are enrolled than the session holds.",
    path: ["enrolledPersonIds"],
  });
export type TrainingSessionInput = z.output<typeof ZTrainingSessionInput>;

/**
 * Editing a session: the same fields as scheduling it, without the cohort (enrollment and
 * attendance have their own routes), and the version the edit started from.
 */
export const ZTrainingSessionEdit = z
  .object({ ...sessionFields, version: z.number().int().positive() })
  .refine(endsAfterStart, endsAfterStartError)
  .refine(hasPlaceOrLink, placeOrLinkError);
export type TrainingSessionEdit = z.output<typeof ZTrainingSessionEdit>;

export const ZAttendanceInput = z.object({
  records: z
    .array(
      z
        .object({
          personId: z.string().max(64),
          attendance: ZAttendance,
          minutes: z.number().int().min(0).nullable().default(null),
        })
        .refine((r) => r.attendance !== "partial" || (r.minutes !== null && r.minutes > 0), {
          message: "Enter the minutes attended.",
          path: ["minutes"],
        }),
    )
    .min(1)
    .max(200),
  partnerHours: z
    .array(
      z.object({
        trainerId: z.string().max(64),
        hours: z.number().positive("Enter more than 0 hours.").max(24, "Enter at most 24 hours."),
      }),
    )
    .max(10)
    .default([])
    .describe("Hours to log for partner trainers; a partner trainer not listed gets the session's length"),
  version: z.number().int().positive(),
});
export type AttendanceInput = z.output<typeof ZAttendanceInput>;

export const PARTNER_HOURS_OUTCOMES = ["logged", "already_logged", "not_logged"] as const;

/** What saving attendance did about each partner trainer's hours. */
export const ZPartnerHoursOutcome = z.object({
  trainerId: z.string(),
  name: z.string(),
  outcome: z.enum(PARTNER_HOURS_OUTCOMES),
  hours: z.number().nullable(),
  message: z.string(),
});
export type PartnerHoursOutcome = z.infer<typeof ZPartnerHoursOutcome>;

export const ZAttendanceResult = ZTrainingSessionDetail.extend({ partnerHours: z.array(ZPartnerHoursOutcome) });

export const ZStaffTrainingStatus = z.object({
  items: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      orgUnitName: z.string().nullable(),
      status: z.enum(["trained", "scheduled", "missing"]),
      lastTrainedAt: z.string().nullable(),
      nextSession: z.object({ startsAt: z.string(), title: z.string() }).nullable(),
      /** When a supervisor last asked them to sign up; null when never. */
      nudgedAt: z.string().nullable(),
    }),
  ),
  counts: z.object({ trained: z.number().int(), scheduled: z.number().int(), missing: z.number().int() }),
});
