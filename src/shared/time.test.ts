import { describe, expect, it } from "vitest";
import { addMinutes, formatInZone, isValidTimeZone, nowUtc } from "./time.js";

/** Intl separates the time from AM/PM with a narrow no-break space; compare on plain spaces. */
const shown = (isoUtc: string, zone: string) => formatInZone(isoUtc, zone).replace(/\s/gu, " ");

/**
 * The same instants shown in three agencies' zones. The expected wall-clock times are worked
 * out by hand from each zone's rules, so the results do not depend on the machine's own TZ.
 */
describe("formatInZone", () => {
  describe("America/Los_Angeles (springs forward on 8 March 2026, falls back on 1 November 2026)", () => {
    const zone = "America/Los_Angeles";
    it("shows standard time (UTC−8) before the change and daylight time (UTC−7) after it", () => {
      expect(shown("2026-03-08T09:30:00Z", zone)).toBe("Mar 8, 2026, 1:30 AM");
      expect(shown("2026-03-08T10:30:00Z", zone)).toBe("Mar 8, 2026, 3:30 AM");
    });
    it("shows the repeated hour twice when the clocks go back", () => {
      expect(shown("2026-11-01T08:30:00Z", zone)).toBe("Nov 1, 2026, 1:30 AM");
      expect(shown("2026-11-01T09:30:00Z", zone)).toBe("Nov 1, 2026, 1:30 AM");
      expect(shown("2026-11-01T10:30:00Z", zone)).toBe("Nov 1, 2026, 2:30 AM");
    });
  });

  describe("Pacific/Honolulu (no daylight saving time)", () => {
    const zone = "Pacific/Honolulu";
    it("stays at UTC−10 across the mainland's change, so a UTC morning can be the day before", () => {
      expect(shown("2026-03-08T09:30:00Z", zone)).toBe("Mar 7, 2026, 11:30 PM");
      expect(shown("2026-03-08T10:30:00Z", zone)).toBe("Mar 8, 2026, 12:30 AM");
      expect(shown("2026-07-01T10:30:00Z", zone)).toBe("Jul 1, 2026, 12:30 AM");
    });
  });

  describe("Europe/London (springs forward on 29 March 2026, falls back on 25 October 2026)", () => {
    const zone = "Europe/London";
    it("shows GMT before the change and BST (UTC+1) after it", () => {
      expect(shown("2026-03-29T00:30:00Z", zone)).toBe("Mar 29, 2026, 12:30 AM");
      expect(shown("2026-03-29T01:30:00Z", zone)).toBe("Mar 29, 2026, 2:30 AM");
    });
    it("returns to GMT in the autumn", () => {
      expect(shown("2026-10-25T00:30:00Z", zone)).toBe("Oct 25, 2026, 1:30 AM");
      expect(shown("2026-10-25T01:30:00Z", zone)).toBe("Oct 25, 2026, 1:30 AM");
      expect(shown("2026-10-25T02:30:00Z", zone)).toBe("Oct 25, 2026, 2:30 AM");
    });
  });

  it("shows one instant as different local days in different zones", () => {
    const instant = "2026-01-01T06:00:00Z";
    expect(shown(instant, "Pacific/Honolulu")).toBe("Dec 31, 2025, 8:00 PM");
    expect(shown(instant, "America/Los_Angeles")).toBe("Dec 31, 2025, 10:00 PM");
    expect(shown(instant, "Europe/London")).toBe("Jan 1, 2026, 6:00 AM");
  });
});

describe("UTC timestamps", () => {
  it("stores now as UTC ISO-8601 with milliseconds", () => {
    expect(nowUtc()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("adds minutes in UTC, untouched by daylight saving changes", () => {
    expect(addMinutes("2026-03-08T09:30:00.000Z", 60)).toBe("2026-03-08T10:30:00.000Z");
    expect(addMinutes("2026-01-01T00:10:00.000Z", -20)).toBe("2025-12-31T23:50:00.000Z");
  });

  it("keeps text order equal to time order", () => {
    const earlier = addMinutes("2026-05-01T09:00:00.000Z", -1);
    const later = addMinutes("2026-05-01T09:00:00.000Z", 1);
    expect(earlier < later).toBe(true);
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA zone names and UTC", () => {
    for (const zone of ["America/Los_Angeles", "Pacific/Honolulu", "Europe/London", "America/Anchorage", "UTC"]) {
      expect(isValidTimeZone(zone), zone).toBe(true);
    }
  });

  it("refuses made-up zones, abbreviations and empty text", () => {
    for (const zone of ["Mars/Olympus_Mons", "PST", "EST", "", "Los Angeles"]) {
      expect(isValidTimeZone(zone), zone).toBe(false);
    }
  });
});
