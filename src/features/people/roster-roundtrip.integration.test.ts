import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { startTestApp } from "../../../tests/support/test-app.js";
import type { Db } from "../../db/types.js";
import type { Actor } from "../access/policy.js";
import { buildAgency, buildOrgUnit } from "../demo/builders.js";
import { insertPeople } from "./person.repo.js";
import { JOB_ROLES, LEVELS } from "./person.schema.js";
import { applyRoster, exportRoster, previewRoster, uploadRoster } from "./roster-import.service.js";

/**
 * Property: whatever roster an agency holds — employee ids with leading zeros, names with quotes,
 * commas, line breaks, emoji and non-Latin scripts, formula-like text — exporting it (CSV or
 * XLSX) and importing the file into another agency with the same units gives back the same
 * people, field for field; importing it into the agency it came from changes nothing.
 */

const { db } = await startTestApp();

/** Two units share a name under different offices, so the export must write one of them as a path. */
const UNIT_NAMES = ["Unité Nord, équipe 2", "東部ユニット", "Intake", "Intake", "=Emergency"] as const;

async function buildAgencyWithUnits(): Promise<{ actor: Actor; unitIds: string[] }> {
  const slug = `rt-${randomUUID().slice(0, 8)}`;
  const agency = await buildAgency(db, { name: slug, slug });
  const root = await buildOrgUnit(db, agency.id, null, { name: "Root", kind: "agency" });
  const east = await buildOrgUnit(db, agency.id, root, { name: "East Office", kind: "office" });
  const west = await buildOrgUnit(db, agency.id, root, { name: "West Office", kind: "office" });
  const unitIds: string[] = [];
  for (const [i, name] of UNIT_NAMES.entries()) {
    unitIds.push((await buildOrgUnit(db, agency.id, i % 2 === 0 ? east : west, { name, kind: "unit" })).id);
  }
  const actor: Actor = {
    userId: randomUUID(),
    agencyId: agency.id,
    personId: null,
    roles: ["admin"],
    orgUnitPath: null,
  };
  return { actor, unitIds };
}

/**
 * Letters of any script, tab and line feed. Spreadsheet files cannot carry other control
 * characters, and XML reads a carriage return as a plain line break.
 */
function printable(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code === 9 || code === 10 || (code >= 32 && code !== 127);
}

/** Text as people type it: any script, emoji, quotes, commas, line breaks; never blank at the edges. */
const text = (maxLength: number) =>
  fc
    .oneof(
      fc.string({ unit: "grapheme", minLength: 1, maxLength }),
      fc.constantFrom(
        "O'Brien",
        'Say "hi", please',
        "Ana\nMaría",
        "李小龍",
        "Nguyễn",
        "😀🎉",
        "=1+2",
        "-5",
        "@home",
        "'quoted",
      ),
    )
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= maxLength && [...s].every(printable));

const isoDate = fc
  .date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const personArb = fc.record({
  employeeId: fc.oneof(fc.stringMatching(/^0{1,3}[0-9]{1,6}$/), text(40)),
  givenName: text(100),
  familyName: text(100),
  emailName: fc.option(fc.stringMatching(/^[a-z][a-z0-9]{0,15}$/), { nil: null }),
  jobRole: fc.constantFrom(...JOB_ROLES),
  level: fc.constantFrom(...LEVELS),
  unit: fc.nat({ max: UNIT_NAMES.length - 1 }),
  supervisor: fc.option(fc.nat(), { nil: null }),
  hireDate: fc.option(isoDate, { nil: null }),
  endDate: fc.option(isoDate, { nil: null }),
  languages: fc.array(
    text(50).filter((l) => !/[;,|]/.test(l)),
    { maxLength: 3 },
  ),
});

const rosterArb = fc.uniqueArray(personArb, { minLength: 1, maxLength: 12, selector: (p) => p.employeeId });

async function rosterOf(database: Db, agencyId: string) {
  const [people, units] = await Promise.all([
    database.selectFrom("people").selectAll().where("agency_id", "=", agencyId).execute(),
    database.selectFrom("org_units").select(["id", "parent_id", "name"]).where("agency_id", "=", agencyId).execute(),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const employeeIdOf = new Map(people.map((p) => [p.id, p.employee_id]));
  // A unit is known by its name and its parent's name, the same in both agencies.
  const place = (id: string | null) => {
    const unit = id ? unitById.get(id) : undefined;
    return unit ? `${unit.parent_id ? unitById.get(unit.parent_id)?.name : ""}/${unit.name}` : null;
  };
  return people
    .map((p) => ({
      employeeId: p.employee_id,
      givenName: p.given_name,
      familyName: p.family_name,
      workEmail: p.work_email,
      jobRole: p.job_role,
      level: p.level,
      unit: place(p.org_unit_id),
      supervisor: p.supervisor_id ? employeeIdOf.get(p.supervisor_id) : null,
      hireDate: p.hire_date,
      endDate: p.end_date,
      languages: JSON.parse(p.languages) as string[],
    }))
    .sort((a, b) => ((a.employeeId ?? "") < (b.employeeId ?? "") ? -1 : 1));
}

async function importFile(actor: Actor, fileName: string, content: Buffer) {
  const uploaded = await uploadRoster(db, actor, { fileName, content: content.toString("base64") });
  expect(uploaded.mapping.columns, "Cascade's own headers map themselves").toEqual({
    employeeId: "Employee ID",
    givenName: "Given name",
    familyName: "Family name",
    workEmail: "Work email",
    jobRole: "Job role",
    level: "Level",
    unit: "Unit",
    supervisorEmployeeId: "Supervisor employee ID",
    hireDate: "Hire date",
    endDate: "End date",
    languages: "Languages",
  });
  return previewRoster(db, actor, uploaded.id, uploaded.mapping);
}

describe("a roster exported and imported again", () => {
  it("comes back identical, in CSV and XLSX", async () => {
    await fc.assert(
      fc.asyncProperty(rosterArb, fc.constantFrom("csv" as const, "xlsx" as const), async (roster, format) => {
        const source = await buildAgencyWithUnits();
        const ids = roster.map(() => randomUUID());
        await insertPeople(
          db,
          roster.map((p, i) => {
            const [hireDate, endDate] = [p.hireDate, p.endDate].sort() as [string | null, string | null];
            return {
              id: ids[i] as string,
              agencyId: source.actor.agencyId,
              employeeId: p.employeeId,
              givenName: p.givenName,
              familyName: p.familyName,
              workEmail: p.emailName ? `${p.emailName}.${i}@agency.example` : null,
              jobRole: p.jobRole,
              level: p.level,
              orgUnitId: source.unitIds[p.unit] as string,
              // Only someone listed earlier, so the reporting line has no loops.
              supervisorId: p.supervisor !== null && i > 0 ? (ids[p.supervisor % i] as string) : null,
              hireDate: p.hireDate && p.endDate ? hireDate : p.hireDate,
              endDate: p.hireDate && p.endDate ? endDate : p.endDate,
              languages: p.languages,
            };
          }),
        );
        const original = await rosterOf(db, source.actor.agencyId);

        const file = await exportRoster(db, source.actor, { format, active: "all" });
        const content = typeof file.body === "string" ? Buffer.from(file.body, "utf8") : file.body;

        const again = await importFile(source.actor, `export.${format}`, content);
        expect(again.preview?.errors).toEqual([]);
        expect(again.preview?.counts).toMatchObject({ new: 0, changed: 0, unchanged: roster.length, notInFile: 0 });

        const target = await buildAgencyWithUnits();
        const fresh = await importFile(target.actor, `export.${format}`, content);
        expect(fresh.preview?.errors).toEqual([]);
        expect(fresh.preview?.counts).toMatchObject({ new: roster.length, changed: 0 });
        await applyRoster(db, target.actor, fresh.id);
        expect(await rosterOf(db, target.actor.agencyId)).toEqual(original);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
