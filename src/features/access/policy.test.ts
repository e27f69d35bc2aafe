import { describe, expect, it } from "vitest";
import { AppError } from "../../server/errors.js";
import { type Actor, authorize, canAct, isInScope, scopeFilterFor, scopeFor } from "./policy.js";
import type { Role } from "./roles.js";

/** Org paths as the database stores them: every ancestor id, slash-separated, ending in a slash. */
const ROOT = "/root/";
const NORTH = "/root/north/";
const UNIT_N1 = "/root/north/n1/";
const UNIT_N10 = "/root/north/n10/";
const SOUTH = "/root/south/";

function actor(roles: Role[], orgUnitPath: string | null = UNIT_N1, personId: string | null = "me"): Actor {
  return { userId: "user-me", agencyId: "agency-a", personId, roles, orgUnitPath };
}

function thrown(action: () => void): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : "not an AppError";
  }
}

describe("scopeFor", () => {
  it("gives each role its own reach for reading people", () => {
    expect(scopeFor(actor(["admin"]), "people.read")).toBe("agency");
    expect(scopeFor(actor(["manager"]), "people.read")).toBe("subtree");
    expect(scopeFor(actor(["supervisor"]), "people.read")).toBe("subtree");
    expect(scopeFor(actor(["staff"]), "people.read")).toBe("self");
    expect(scopeFor(actor(["partner_viewer"]), "people.read")).toBeNull();
  });

  it("takes the widest reach of all the roles a person holds, whatever their order", () => {
    expect(scopeFor(actor(["staff", "supervisor"]), "people.read")).toBe("subtree");
    expect(scopeFor(actor(["supervisor", "staff"]), "people.read")).toBe("subtree");
    expect(scopeFor(actor(["coach", "executive", "supervisor"]), "people.read")).toBe("agency");
  });

  it("grants nothing to someone with no roles", () => {
    expect(scopeFor(actor([]), "agency.read")).toBeNull();
    expect(canAct(actor([]), "agency.read")).toBe(false);
  });

  it("keeps changing people and reading the audit trail for administrators", () => {
    for (const role of ["executive", "manager", "supervisor", "implementation_lead", "staff"] as Role[]) {
      expect(canAct(actor([role]), "people.manage"), role).toBe(false);
      expect(canAct(actor([role]), "audit.read"), role).toBe(false);
      expect(canAct(actor([role]), "agency.configure"), role).toBe(false);
    }
    expect(canAct(actor(["admin"]), "people.manage")).toBe(true);
    expect(canAct(actor(["admin"]), "audit.read")).toBe(true);
  });
});

describe("isInScope", () => {
  const place = (orgUnitPath: string | null, personId = "someone", agencyId = "agency-a") => ({
    agencyId,
    orgUnitPath,
    personId,
  });

  it("reaches the whole own agency, and never another agency, with agency scope", () => {
    const me = actor(["admin"]);
    expect(isInScope(me, "agency", place(SOUTH))).toBe(true);
    expect(isInScope(me, "agency", place(null))).toBe(true);
    expect(isInScope(me, "agency", place(SOUTH, "someone", "agency-b"))).toBe(false);
  });

  it("reaches the own unit and everything below it with subtree scope", () => {
    const manager = actor(["manager"], NORTH);
    expect(isInScope(manager, "subtree", place(NORTH))).toBe(true);
    expect(isInScope(manager, "subtree", place(UNIT_N1))).toBe(true);
    expect(isInScope(manager, "subtree", place(SOUTH))).toBe(false);
    expect(isInScope(manager, "subtree", place(ROOT))).toBe(false);
    expect(isInScope(manager, "subtree", place(null))).toBe(false);
  });

  it("does not mistake a sibling whose id starts the same way for a sub-unit", () => {
    const supervisor = actor(["supervisor"], UNIT_N1);
    expect(isInScope(supervisor, "subtree", place(UNIT_N10))).toBe(false);
  });

  it("always includes the actor's own record with subtree scope, wherever it is placed", () => {
    expect(isInScope(actor(["supervisor"], UNIT_N1, "me"), "subtree", place(SOUTH, "me"))).toBe(true);
    expect(isInScope(actor(["supervisor"], null, "me"), "subtree", place(null, "me"))).toBe(true);
  });

  it("reaches nothing but the own record when the actor has no org unit", () => {
    const unplaced = actor(["supervisor"], null, "me");
    expect(isInScope(unplaced, "subtree", place(UNIT_N1))).toBe(false);
    expect(isInScope(unplaced, "subtree", place(null))).toBe(false);
  });

  it("reaches only the actor's own record with self scope", () => {
    const staff = actor(["staff"], UNIT_N1, "me");
    expect(isInScope(staff, "self", place(UNIT_N1, "me"))).toBe(true);
    expect(isInScope(staff, "self", place(UNIT_N1, "colleague"))).toBe(false);
    expect(isInScope(staff, "self", place(UNIT_N1, "me", "agency-b"))).toBe(false);
  });

  it("gives an account without a person no self to reach", () => {
    const noPerson = actor(["staff"], null, null);
    expect(isInScope(noPerson, "self", { agencyId: "agency-a", orgUnitPath: null, personId: null })).toBe(false);
  });
});

describe("authorize", () => {
  it("reports another agency's record as not found, whatever the role", () => {
    const elsewhere = { agencyId: "agency-b", orgUnitPath: UNIT_N1, personId: "someone" };
    expect(thrown(() => authorize(actor(["admin"]), "people.read", elsewhere))).toBe("NOT_FOUND");
    expect(thrown(() => authorize(actor(["partner_viewer"]), "people.read", elsewhere))).toBe("NOT_FOUND");
  });

  it("forbids a record out of scope, and a role without the permission", () => {
    const south = { agencyId: "agency-a", orgUnitPath: SOUTH, personId: "someone" };
    expect(thrown(() => authorize(actor(["supervisor"]), "people.read", south))).toBe("FORBIDDEN");
    expect(thrown(() => authorize(actor(["supervisor"]), "people.manage", south))).toBe("FORBIDDEN");
  });

  it("lets a record in scope through", () => {
    const colleague = { agencyId: "agency-a", orgUnitPath: UNIT_N1, personId: "colleague" };
    expect(thrown(() => authorize(actor(["supervisor"]), "people.read", colleague))).toBeNull();
  });
});

describe("scopeFilterFor", () => {
  it("turns the actor's reach into a list filter that always names their agency", () => {
    expect(scopeFilterFor(actor(["executive"]), "people.read")).toEqual({ kind: "agency", agencyId: "agency-a" });
    expect(scopeFilterFor(actor(["manager"], NORTH), "people.read")).toEqual({
      kind: "subtree",
      agencyId: "agency-a",
      orgUnitPath: NORTH,
      personId: "me",
    });
    expect(scopeFilterFor(actor(["coach"]), "people.read")).toEqual({
      kind: "self",
      agencyId: "agency-a",
      personId: "me",
    });
  });

  it("refuses a list to a role without the permission", () => {
    expect(thrown(() => scopeFilterFor(actor(["partner_viewer"]), "people.read"))).toBe("FORBIDDEN");
  });
});
