import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, problemWithNewPassword } from "./password-policy.js";

describe("new passwords", () => {
  it("asks for a minimum length, counted in characters rather than bytes", () => {
    expect(problemWithNewPassword("river stone")).toMatch(/at least 12/);
    expect(problemWithNewPassword("river stones")).toBeNull();
    // Eleven characters, but far more than eleven UTF-16 code units.
    expect(problemWithNewPassword("🌲🌊🌙🍂🦉🐟🌵🍄🌻🐝🐚")).toMatch(/at least 12/);
    expect(problemWithNewPassword("🌲🌊🌙🍂🦉🐟🌵🍄🌻🐝🐚🦔")).toBeNull();
  });

  it("accepts long passphrases, spaces and all, up to the maximum", () => {
    expect(problemWithNewPassword("the heron waits where the cold creek bends under alders")).toBeNull();
    const longest = "walking slowly past quiet harbors ".repeat(10).slice(0, PASSWORD_MAX_LENGTH);
    expect([...longest]).toHaveLength(PASSWORD_MAX_LENGTH);
    expect(problemWithNewPassword(longest)).toBeNull();
    expect(problemWithNewPassword(`${longest}x`)).toMatch(/at most/);
  });

  it("imposes no composition rules: lowercase letters alone are fine", () => {
    expect(problemWithNewPassword("blueberrypancakesonsunday")).toBeNull();
  });

  it("refuses passwords on the common-password list, whatever their case", () => {
    expect(problemWithNewPassword("qwerty123456")).toMatch(/commonly used/);
    expect(problemWithNewPassword("QWERTY123456")).toMatch(/commonly used/);
    expect(problemWithNewPassword("1qaz2wsx3edc")).toMatch(/commonly used/);
  });

  it("refuses a password made of very few distinct characters", () => {
    expect(problemWithNewPassword("aaaaaaaaaaaaaaaa")).toMatch(/too few characters/);
    expect(problemWithNewPassword("abababababababab")).toMatch(/too few characters/);
  });

  it("refuses a password containing the account's email name", () => {
    expect(problemWithNewPassword("my name is jordan.lee indeed", { email: "Jordan.Lee@county.gov" })).toMatch(
      /email name/,
    );
    expect(problemWithNewPassword("my name is jordan.lee indeed", { email: "sam@county.gov" })).toBeNull();
  });

  it("agrees with the published limits", () => {
    expect(PASSWORD_MIN_LENGTH).toBeGreaterThanOrEqual(8);
    expect(PASSWORD_MAX_LENGTH).toBeGreaterThanOrEqual(64);
  });
});
