import { describe, expect, it } from "vitest";
import {
  headerKey,
  matchJobRole,
  matchLevel,
  neutralizeCell,
  parseCsv,
  parseLanguages,
  parseRosterDate,
  restoreCell,
  suggestMapping,
  toCsv,
} from "./roster-format.js";

describe("formula neutralization", () => {
  it("prefixes cells a spreadsheet would run, and values that already start with an apostrophe", () => {
    for (const value of ["=SUM(A1)", "+1", "-1", "@cmd", "\tx", "\rx", "'kept"]) {
      expect(neutralizeCell(value)).toBe(`'${value}`);
      expect(restoreCell(neutralizeCell(value))).toBe(value);
    }
    for (const value of ["Ana", "0042", "O'Brien", "a=b", ""]) expect(neutralizeCell(value)).toBe(value);
  });

  it("writes CSV that reads back cell for cell", () => {
    const rows = [["0042", 'Say "hi", please', "line\nbreak", "=1+2", "李", "😀"]];
    const sheet = parseCsv(toCsv(["A", "B", "C", "D", "E", "F"], rows));
    expect(sheet).toEqual({ headers: ["A", "B", "C", "D", "E", "F"], rows });
  });
});

describe("reading HR values", () => {
  it("reads ISO and US dates and refuses impossible ones", () => {
    expect(parseRosterDate("2024-03-31")).toBe("2024-03-31");
    expect(parseRosterDate("3/5/2024")).toBe("2024-03-05");
    expect(parseRosterDate("2024-02-30")).toBeNull();
    expect(parseRosterDate("31/12/2024")).toBeNull();
    expect(parseRosterDate("soon")).toBeNull();
  });

  it("matches job roles and levels by code or label, without case or punctuation", () => {
    const none = new Map();
    expect(matchJobRole("Social Worker", none)).toBe("social_worker");
    expect(matchJobRole("SOCIAL_WORKER", none)).toBe("social_worker");
    expect(matchJobRole("Executive / director", none)).toBe("executive");
    expect(matchJobRole("SW II", none)).toBeNull();
    expect(matchJobRole("sw-ii", new Map([[headerKey("SW II"), "social_worker" as const]]))).toBe("social_worker");
    expect(matchLevel("Supervisory", none)).toBe("supervisory");
  });

  it("splits languages on semicolons, commas or bars", () => {
    expect(parseLanguages("English; Spanish,Navajo | Tagalog")).toEqual(["English", "Spanish", "Navajo", "Tagalog"]);
    expect(parseLanguages("")).toEqual([]);
  });

  it("suggests columns from remembered headers first, then common HR names", () => {
    const headers = ["Emp. ID", "First Name", "Surname", "Badge"];
    expect(suggestMapping(headers, new Map())).toEqual({
      employeeId: "Emp. ID",
      givenName: "First Name",
      familyName: "Surname",
    });
    expect(suggestMapping(headers, new Map([["badge", "employeeId" as const]]))).toEqual({
      employeeId: "Badge",
      givenName: "First Name",
      familyName: "Surname",
    });
  });
});
