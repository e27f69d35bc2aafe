import { describe, expect, it } from "vitest";
import { centsFrom, formatHours, formatRate } from "./partner-format.js";

describe("partner money and hours", () => {
  it("reads dollar amounts as whole cents, refusing what is not money", () => {
    expect(centsFrom("45")).toBe(4500);
    expect(centsFrom("$1,234.5")).toBe(123450);
    expect(centsFrom("0.07")).toBe(7);
    expect(centsFrom("12.345")).toBeNull();
    expect(centsFrom("-3")).toBeNull();
    expect(centsFrom("")).toBeNull();
  });

  it("shows a rate with what it is per, and hours without trailing zeros", () => {
    expect(formatRate(4500, "hour")).toBe("$45.00 per hour");
    expect(formatRate(120000, "lump_sum")).toBe("$1,200.00 lump sum");
    expect(formatHours(7.5)).toBe("7.5 h");
    expect(formatHours(10)).toBe("10 h");
  });
});
