import { describe, expect, it } from "vitest";
import { nextFittingSession } from "./onboarding.js";

const NOW = "2026-11-30T12:00:00.000Z";
const session = (
  id: string,
  startsAt: string,
  overrides: Partial<{ capacity: number; enrolledCount: number; audiences: never[] | string[] | null }> = {},
) => ({
  id,
  startsAt,
  capacity: 20,
  enrolledCount: 5,
  audiences: null,
  ...overrides,
});

describe("the next fitting session for a new hire", () => {
  it("is the soonest future session with room that is meant for their job", () => {
    const sessions = [
      session("later", "2027-02-01T17:00:00.000Z"),
      session("past", "2026-01-14T17:00:00.000Z"),
      session("full", "2026-12-05T17:00:00.000Z", { capacity: 5, enrolledCount: 5 }),
      session("leaders-only", "2026-12-07T17:00:00.000Z", { audiences: ["leaders"] }),
      session("for-workers", "2026-12-09T17:00:00.000Z", { audiences: ["social_workers", "supervisors"] }),
    ] as Parameters<typeof nextFittingSession>[0];
    expect(nextFittingSession(sessions, "social_workers", NOW)?.id).toBe("for-workers");
    expect(nextFittingSession(sessions, "leaders", NOW)?.id).toBe("leaders-only");
    expect(nextFittingSession(sessions, "case_aides", NOW)?.id).toBe("later");
  });

  it("is none when every future session is full or meant for others", () => {
    const sessions = [
      session("full", "2026-12-05T17:00:00.000Z", { capacity: 5, enrolledCount: 5 }),
      session("leaders-only", "2026-12-07T17:00:00.000Z", { audiences: ["leaders"] }),
    ] as Parameters<typeof nextFittingSession>[0];
    expect(nextFittingSession(sessions, "social_workers", NOW)).toBeNull();
  });
});
