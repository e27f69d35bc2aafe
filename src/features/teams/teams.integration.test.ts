import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";

const { app, db } = await startTestApp();
let world: World;
let admin: Client;
let staff: Client;
let partnerPersonId: string;

interface Team {
  id: string;
  version: number;
  parentTeamId: string | null;
}

beforeAll(async () => {
  world = await buildWorld(db, "teams");
  admin = await signIn(app, world.emails.admin);
  staff = await signIn(app, world.emails.staff);
  const org = await admin.request("POST", "/api/partner-organizations", {
    kind: "tribe",
    name: "Cedar River Tribe",
    contactName: "",
    contactEmail: "",
    contactPhone: "",
  });
  const person = await admin.request("POST", `/api/partner-organizations/${org.json<{ id: string }>().id}/people`, {
    fullName: "Joy Cedar",
    roles: ["cultural_broker"],
  });
  partnerPersonId = person.json<{ id: string }>().id;
});

async function createTeam(name: string, kind: string, parentTeamId: string | null = null, orgUnitId = "") {
  const response = await admin.request("POST", "/api/teams", { name, kind, parentTeamId, orgUnitId });
  expect(response.statusCode).toBe(201);
  return response.json<Team>();
}

describe("teaming structures", () => {
  let executive: Team;
  let site: Team;
  let unit: Team;
  beforeAll(async () => {
    executive = await createTeam("Executive Team", "executive_team");
    site = await createTeam("North Site Team", "site_implementation_team", executive.id, world.units.north.id);
    unit = await createTeam("Unit N1 Team", "unit_team", site.id, world.units.unitN1.id);
  });

  it("shows a team's escalation chain up to the top and the teams under it", async () => {
    const detail = await staff.request("GET", `/api/teams/${unit.id}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json<{ escalationChain: { name: string }[]; orgUnitName: string }>();
    expect(body.escalationChain.map((t) => t.name)).toEqual(["North Site Team", "Executive Team"]);
    expect(body.orgUnitName).toBe("Unit N1");
    const top = (await staff.request("GET", `/api/teams/${executive.id}`)).json<{
      escalationChain: unknown[];
      childTeams: { id: string }[];
    }>();
    expect(top.escalationChain).toEqual([]);
    expect(top.childTeams.map((t) => t.id)).toEqual([site.id]);
  });

  it("refuses a parent that would make a cycle, and a parent that is the team itself", async () => {
    const current = (await admin.request("GET", `/api/teams/${executive.id}`)).json<Team>();
    for (const parentTeamId of [unit.id, executive.id]) {
      const response = await admin.request("PUT", `/api/teams/${executive.id}`, {
        name: "Executive Team",
        kind: "executive_team",
        orgUnitId: null,
        parentTeamId,
        version: current.version,
      });
      expect(response.statusCode, parentTeamId).toBe(400);
      expect(response.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("parentTeamId");
    }
    const unchanged = (await admin.request("GET", `/api/teams/${executive.id}`)).json<Team>();
    expect(unchanged.parentTeamId).toBeNull();
  });

  it("adds staff and partner members with roles, refuses duplicates, and removes them", async () => {
    const chair = await admin.request("POST", `/api/teams/${site.id}/members`, {
      personId: world.people.northManager.id,
      role: "chair",
    });
    expect(chair.statusCode).toBe(201);
    const partner = await admin.request("POST", `/api/teams/${site.id}/members`, { partnerPersonId, role: "member" });
    expect(partner.statusCode).toBe(201);
    const twice = await admin.request("POST", `/api/teams/${site.id}/members`, { partnerPersonId, role: "advisor" });
    expect(twice.statusCode).toBe(400);
    const both = await admin.request("POST", `/api/teams/${site.id}/members`, {
      personId: world.people.workerN1.id,
      partnerPersonId,
    });
    expect(both.statusCode).toBe(400);

    const detail = (await staff.request("GET", `/api/teams/${site.id}`)).json<{
      members: { id: string; name: string; kind: string; role: string; affiliation: string }[];
    }>();
    expect(detail.members.map((m) => [m.name, m.kind, m.role])).toEqual([
      ["Manager teams", "staff", "chair"],
      ["Joy Cedar", "partner", "member"],
    ]);
    expect(detail.members[1]?.affiliation).toBe("Cedar River Tribe");

    const memberId = detail.members[1]?.id ?? "";
    expect((await staff.request("DELETE", `/api/teams/${site.id}/members/${memberId}`)).statusCode).toBe(403);
    expect((await admin.request("DELETE", `/api/teams/${site.id}/members/${memberId}`)).statusCode).toBe(200);
    expect((await admin.request("DELETE", `/api/teams/${site.id}/members/${memberId}`)).statusCode).toBe(404);
    const audits = await db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_type", "=", "team_member")
      .orderBy("id")
      .execute();
    expect(audits.map((a) => a.action)).toEqual(["create", "create", "delete"]);
  });

  it("answers 409 to a stale team edit, and lists teams to every staff role", async () => {
    const body = { name: "Unit N1 Team", kind: "unit_team", orgUnitId: null, parentTeamId: site.id };
    const fresh = (await admin.request("GET", `/api/teams/${unit.id}`)).json<Team>();
    expect((await admin.request("PUT", `/api/teams/${unit.id}`, { ...body, version: fresh.version })).statusCode).toBe(
      200,
    );
    const stale = await admin.request("PUT", `/api/teams/${unit.id}`, { ...body, version: fresh.version });
    expect(stale.statusCode).toBe(409);
    const list = (await staff.request("GET", "/api/teams")).json<{ items: { id: string }[] }>();
    expect(list.items.map((t) => t.id).sort()).toEqual([executive.id, site.id, unit.id].sort());
  });
});
