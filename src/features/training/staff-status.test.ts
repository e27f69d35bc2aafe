import { describe, expect, it } from "vitest";
import { trainingStatusOf } from "./staff-status.js";

const NOW = "2026-11-30T12:00:00.000Z";
const past = { startsAt: "2026-01-14T17:00:00.000Z", title: "Cohort 1" };
const future = { startsAt: "2026-12-09T17:00:00.000Z", title: "Cohort 2" };

describe("a person's training status", () => {
  it("is trained after attending all or part of a session", () => {
    expect(trainingStatusOf([{ ...past, attendance: "partial" }], NOW)).toMatchObject({
      status: "trained",
      lastTrainedAt: past.startsAt,
    });
  });

  it("is scheduled when enrolled in a session still to come", () => {
    expect(
      trainingStatusOf(
        [
          { ...past, attendance: "absent" },
          { ...future, attendance: null },
        ],
        NOW,
      ),
    ).toEqual({
      status: "scheduled",
      lastTrainedAt: null,
      nextSession: future,
    });
  });

  it("is missing when absent and not enrolled again, or when a past session was never marked", () => {
    expect(trainingStatusOf([{ ...past, attendance: "absent" }], NOW).status).toBe("missing");
    expect(trainingStatusOf([{ ...past, attendance: null }], NOW).status).toBe("missing");
    expect(trainingStatusOf([], NOW).status).toBe("missing");
  });
});
