/**
 * Writes examples/wexler-hr-roster.csv: the Wexler County demo agency's staff as an HR system
 * might export them, with a few differences from what Cascade holds, so importing it shows a
 * real dry run. Run with `npx tsx examples/make-hr-roster.ts`; the demo agency is seeded, so
 * the file comes out the same every time.
 *
 * Differences from the demo agency: one social worker transferred to another unit (with that
 * unit's supervisor), one person with a new work email, three new hires (one of whom supervises
 * another), and two rows with errors (a unit that does not exist, an impossible hire date).
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { DEMO_AGENCY_SLUG, ensureDemoAgency } from "../src/features/demo/demo-agency.js";
import { JOB_ROLE_LABELS, type JobRole } from "../src/features/people/person.schema.js";
import { toCsv } from "../src/features/people/roster-format.js";

const HEADERS = [
  "Emp ID",
  "First Name",
  "Last Name",
  "Work Email",
  "Position",
  "Unit",
  "Supervisor Emp ID",
  "Hire Date",
  "Languages",
];

/** HR systems write dates month first. */
const usDate = (iso: string | null) => {
  if (!iso) return "";
  const [year, month, day] = iso.split("-");
  return `${Number(month)}/${Number(day)}/${year}`;
};

const database = openDatabase(":memory:");
await migrateToLatest(database.db, database.dialect);
await ensureDemoAgency(database.db, { CASCADE_DEMO: "true" });
const db = database.db;
const agency = await db
  .selectFrom("agencies")
  .select("id")
  .where("slug", "=", DEMO_AGENCY_SLUG)
  .executeTakeFirstOrThrow();
const units = await db.selectFrom("org_units").select(["id", "name"]).where("agency_id", "=", agency.id).execute();
const unitName = new Map(units.map((u) => [u.id, u.name]));
const people = await db
  .selectFrom("people")
  .selectAll()
  .where("agency_id", "=", agency.id)
  .orderBy("employee_id")
  .execute();
const employeeIdOf = new Map(people.map((p) => [p.id, p.employee_id ?? ""]));

const rows = people.map((p) => [
  p.employee_id ?? "",
  p.given_name,
  p.family_name,
  p.work_email ?? "",
  JOB_ROLE_LABELS[p.job_role as JobRole],
  unitName.get(p.org_unit_id ?? "") ?? "",
  p.supervisor_id ? (employeeIdOf.get(p.supervisor_id) ?? "") : "",
  usDate(p.hire_date),
  (JSON.parse(p.languages) as string[]).join("; "),
]);

const rowOf = (employeeId: string) => {
  const row = rows.find((r) => r[0] === employeeId);
  if (!row) throw new Error(`the demo agency has no employee ${employeeId}`);
  return row;
};
const supervisorOfUnit = (name: string) => {
  const row = rows.find((r) => r[5] === name && r[4] === JOB_ROLE_LABELS.supervisor);
  if (!row) throw new Error(`${name} has no supervisor`);
  return row[0] as string;
};

// A transfer in Region 3, away from the units the demo logins work in.
const transferred = rows.find((r) => r[5] === "Region 3 Unit 5" && r[4] === JOB_ROLE_LABELS.social_worker);
if (!transferred) throw new Error("Region 3 Unit 5 has no social worker");
transferred[5] = "Region 3 Unit 6";
transferred[6] = supervisorOfUnit("Region 3 Unit 6");

// A new work email after a name change.
const renamed = rows.find((r) => r[5] === "Region 3 Unit 7" && r[4] === JOB_ROLE_LABELS.case_aide) ?? rowOf("001590");
renamed[3] = String(renamed[3]).replace("@", ".new@");

const newSupervisor = "009001";
// The new supervisor reports to the office manager above Region 3 Unit 8's current supervisor.
const officeManager = rowOf(supervisorOfUnit("Region 3 Unit 8"))[6] as string;
rows.push(
  [
    newSupervisor,
    "Adaeze",
    "Okonkwo-Reyes",
    "adaeze.okonkwo-reyes@wexler.example",
    "Supervisor",
    "Region 3 Unit 8",
    officeManager,
    "11/3/2025",
    "English; Igbo",
  ],
  [
    "009002",
    "Thanh Hương",
    "Phạm",
    "thanh.pham@wexler.example",
    "Social Worker",
    "Region 3 Unit 8",
    newSupervisor,
    "11/17/2025",
    "Vietnamese; English",
  ],
  [
    "009003",
    "Wren",
    "O'Neill",
    "wren.oneill@wexler.example",
    "Case Aide",
    "Region 3 Unit 8",
    newSupervisor,
    "11/17/2025",
    "English",
  ],
  [
    "009004",
    "Jordan",
    "Ellis",
    "jordan.ellis@wexler.example",
    "Social Worker",
    "Region 4 Unit 99",
    newSupervisor,
    "12/1/2025",
    "English",
  ],
  [
    "009005",
    "Marisol",
    "Quintero",
    "marisol.quintero@wexler.example",
    "Social Worker",
    "Region 3 Unit 8",
    newSupervisor,
    "13/45/2025",
    "Spanish; English",
  ],
);

const target = fileURLToPath(new URL("./wexler-hr-roster.csv", import.meta.url));
writeFileSync(target, toCsv(HEADERS, rows));
await database.close();
console.log(`Wrote ${rows.length} rows to ${target}`);
