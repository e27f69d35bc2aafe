import { describe, expect, it } from "vitest";
import { nextDay, startOfDayInZone } from "../../../../web/src/app/format.js";

/** The audit log filters by calendar days in the agency's zone; the API takes UTC instants. */
describe("startOfDayInZone", () => {
  it("finds local midnight in standard and daylight time", () => {
    expect(startOfDayInZone("2026-01-15", "America/Los_Angeles")).toBe("2026-01-15T08:00:00.000Z");
    expect(startOfDayInZone("2026-07-15", "America/Los_Angeles")).toBe("2026-07-15T07:00:00.000Z");
    expect(startOfDayInZone("2026-07-15", "Pacific/Honolulu")).toBe("2026-07-15T10:00:00.000Z");
    expect(startOfDayInZone("2026-07-15", "UTC")).toBe("2026-07-15T00:00:00.000Z");
  });

  it("handles the days the clocks change", () => {
    // Spring forward in Los Angeles happens at 02:00, after midnight; fall back in London at 02:00 too.
    expect(startOfDayInZone("2026-03-08", "America/Los_Angeles")).toBe("2026-03-08T08:00:00.000Z");
    expect(startOfDayInZone("2026-03-09", "America/Los_Angeles")).toBe("2026-03-09T07:00:00.000Z");
    expect(startOfDayInZone("2026-10-25", "Europe/London")).toBe("2026-10-24T23:00:00.000Z");
    expect(startOfDayInZone("2026-10-26", "Europe/London")).toBe("2026-10-26T00:00:00.000Z");
  });
});

describe("nextDay", () => {
  it("crosses month and year ends and leap days", () => {
    expect(nextDay("2026-01-31")).toBe("2026-02-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });
});
