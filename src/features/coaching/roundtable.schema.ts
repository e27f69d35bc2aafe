import { z } from "zod";
import { isoDate } from "./coaching.schema.js";

/**
 * Zod schemas of peer roundtables (group supervision of coaches, SPEC §4): when, who
 * facilitates, the topics, the coaches invited and, afterwards, who came.
 */

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`);
const required = (max: number) => text(max).min(1, "Fill this in.");
const id = z.string().min(1).max(64);

export const ZRoundtableTopic = z.object({ text: required(300), itemId: id.nullable() });

export const ZRoundtableInput = z.object({
  title: required(200),
  heldOn: isoDate,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 09:30."),
  durationMinutes: z.number().int().min(15, "At least 15 minutes.").max(480, "At most 8 hours."),
  facilitatorCoachId: id.nullable(),
  topics: z.array(ZRoundtableTopic).min(1, "Name at least one topic.").max(20),
  invitedCoachIds: z
    .array(id)
    .min(1, "Invite at least one coach.")
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, "Invite each coach once."),
});
export type RoundtableInput = z.infer<typeof ZRoundtableInput>;

export const ATTENDANCE = ["unrecorded", "present", "absent"] as const;
export const ZAttendance = z.enum(ATTENDANCE);
export type Attendance = z.infer<typeof ZAttendance>;

export const ZAttendanceInput = z.object({
  attendance: z
    .array(z.object({ coachId: id, attendance: z.enum(["present", "absent"]) }))
    .min(1)
    .max(200),
  version: z.number().int().min(1),
});
export type AttendanceInput = z.infer<typeof ZAttendanceInput>;

export const ZRoundtable = z.object({
  id: z.string(),
  title: z.string(),
  heldOn: isoDate,
  startTime: z.string(),
  durationMinutes: z.number().int(),
  facilitatorCoachId: z.string().nullable(),
  facilitatorName: z.string().nullable(),
  topics: z.array(z.object({ text: z.string(), itemId: z.string().nullable(), itemName: z.string().nullable() })),
  attendance: z.array(z.object({ coachId: z.string(), name: z.string(), attendance: ZAttendance })),
  /** Whether the reader may record attendance: the coaching supervisor, or the facilitator. */
  canRecordAttendance: z.boolean(),
  version: z.number().int(),
});
export type Roundtable = z.infer<typeof ZRoundtable>;

export const ZRoundtableList = z.object({
  items: z.array(ZRoundtable),
  /** Whether the reader may schedule one (as coaching supervisor, or as a coach who facilitates it). */
  canSchedule: z.boolean(),
  ownCoachId: z.string().nullable(),
});
