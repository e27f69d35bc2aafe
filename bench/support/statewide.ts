import type { Db } from "../../src/db/types.js";
import type { Role } from "../../src/features/access/roles.js";
import { hashPassword } from "../../src/features/accounts/password-hashing.js";
import { insertUser } from "../../src/features/accounts/user.repo.js";
import { findAgencyBySlug } from "../../src/features/agencies/agency.repo.js";
import { buildAgency, buildOrgUnit, buildPeople, type PersonSeed } from "../../src/features/demo/builders.js";
import type { OrgUnitRow } from "../../src/features/org/org-unit.repo.js";
import type { NewPerson } from "../../src/features/people/person.repo.js";
import type { JobRole, Level } from "../../src/features/people/person.schema.js";
import { newId } from "../../src/shared/ids.js";
import { ACCOUNT_ROLES, accountEmail } from "./accounts.js";
import { STATEWIDE_EXTENSIONS } from "./extensions.js";
import { addDays, allocate, type Random, seededRandom } from "./random.js";
import {
  ACADEMY_NAMES,
  COUNTY_AGENCY_KINDS,
  COUNTY_NAMES,
  FAMILY_NAMES,
  GIVEN_NAMES,
  OFFICE_PLACES,
  PLACES,
  REGION_DIRECTIONS,
  SECOND_LANGUAGES,
  UNIT_SPECIALTIES,
} from "./statewide-names.js";

export interface StatewideOptions {
  agencies: number;
  staff: number;
  units: number;
  seed: number;
  /** Every generated account signs in with this password. */
  password: string;
  /** The day the data describes: hire and end dates fall before it. Fixed, so the data is reproducible. */
  asOf: string;
}

export const STATEWIDE_DEFAULTS: StatewideOptions = {
  agencies: 60,
  staff: 30_000,
  units: 3_000,
  seed: 1,
  password: "statewide-bench-password",
  asOf: "2026-01-01",
};

/** What was created for one agency; extensions receive it to add their own records. */
export interface GeneratedAgency {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
  kind: "county" | "academy";
  root: OrgUnitRow;
  regions: OrgUnitRow[];
  offices: OrgUnitRow[];
  units: OrgUnitRow[];
  people: NewPerson[];
  /** The accounts made so far, by role; an extension may add one (the partner viewer). */
  accounts: Map<Role, { userId: string; email: string }>;
  /** The hash of --password, made once, for accounts an extension adds. */
  passwordHash: string;
  asOf: string;
}

export interface AgencySummary {
  name: string;
  slug: string;
  timeZone: string;
  people: number;
  endedEmployments: number;
  orgUnits: number;
  units: number;
  accounts: number;
  extensions: Record<string, number>;
  milliseconds: number;
}

export interface StatewideSummary {
  options: StatewideOptions;
  agencies: AgencySummary[];
  totals: { people: number; endedEmployments: number; orgUnits: number; units: number; accounts: number };
  extensionTotals: Record<string, number>;
  milliseconds: number;
}

interface AgencyPlan {
  name: string;
  slug: string;
  timeZone: string;
  kind: "county" | "academy";
  staff: number;
  units: number;
  secondLanguages: string[];
}

/** Executives, the workforce-development division and one manager per region and office. */
const DEVELOPMENT_STAFF = 8;

function slugOf(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[^A-Za-z0-9 ]/g, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "-");
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.integer(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * Agency sizes follow a Zipf curve, as they do in a real state: one large urban county holds
 * about a fifth of the workforce and the smallest rural ones have a hundred or so staff.
 * Every sixth agency from the tail is a multi-county training academy.
 */
function planAgencies(options: StatewideOptions, random: Random): AgencyPlan[] {
  const weights = Array.from({ length: options.agencies }, (_, i) => 1 / (i + 1));
  const staff = allocate(options.staff, weights);
  const units = allocate(options.units, weights, 1);
  const academies = new Set<number>();
  for (let i = options.agencies - 1, n = 0; i > 0 && n < ACADEMY_NAMES.length; i -= 6, n++) academies.add(i);
  const usedSlugs = new Set<string>();
  let county = 0;
  let academy = 0;
  return staff.map((staffCount, i) => {
    const isAcademy = academies.has(i);
    const place = PLACES[(i * 7) % PLACES.length] ?? PLACES[0];
    let name: string;
    if (isAcademy) {
      name = ACADEMY_NAMES[academy++ % ACADEMY_NAMES.length] ?? "Training Academy";
    } else {
      const round = Math.floor(county / COUNTY_NAMES.length);
      const countyName = `${COUNTY_NAMES[county % COUNTY_NAMES.length]}${round > 0 ? ` ${round + 1}` : ""}`;
      name = `${countyName} County ${random.pick(COUNTY_AGENCY_KINDS)}`;
      county++;
    }
    let slug = slugOf(isAcademy ? name : (name.split(" County ")[0] ?? name));
    if (!isAcademy) slug = `${slug}-county`;
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${slugOf(name)}-${n}`;
    usedSlugs.add(slug);
    const languages = shuffled(SECOND_LANGUAGES, random).slice(0, random.integer(2, 4));
    return {
      name,
      slug,
      timeZone: place?.timeZone ?? "America/Chicago",
      kind: isAcademy ? "academy" : "county",
      staff: staffCount,
      units: units[i] ?? 1,
      secondLanguages: languages,
    };
  });
}

class PersonFactory {
  private employeeNumber = 0;
  private readonly emails = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly plan: AgencyPlan,
    private readonly asOf: string,
  ) {}

  seed(jobRole: JobRole, level: Level, orgUnit: OrgUnitRow, supervisorId: string | null): PersonSeed {
    const random = this.random;
    const givenName = random.pick(GIVEN_NAMES);
    const familyName = random.pick(FAMILY_NAMES);
    const base = `${givenName}.${familyName}`
      .normalize("NFD")
      .replace(/[^A-Za-z.]/g, "")
      .toLowerCase();
    let email = `${base}@${this.plan.slug}.example`;
    for (let n = 2; this.emails.has(email); n++) email = `${base}${n}@${this.plan.slug}.example`;
    this.emails.add(email);
    // Leaders have been around longer; most line staff were hired in the last few years.
    const maxYears = level === "practice" ? 12 : 25;
    const daysAgo = Math.floor(random.next() ** (level === "practice" ? 1.6 : 0.8) * maxYears * 365) + 30;
    const languages = random.chance(0.25) ? ["English", random.pick(this.plan.secondLanguages)] : ["English"];
    if (random.chance(0.02)) languages.push("American Sign Language");
    return {
      employeeId: String(++this.employeeNumber).padStart(7, "0"),
      givenName,
      familyName,
      workEmail: email,
      jobRole,
      level,
      orgUnitId: orgUnit.id,
      supervisorId,
      hireDate: addDays(this.asOf, -daysAgo),
      languages: [...new Set(languages)],
    };
  }

  /** Some line staff have left: their end date falls between their hire date and the as-of day. */
  maybeEnded(seed: PersonSeed): PersonSeed {
    if (!seed.hireDate || !this.random.chance(0.08)) return seed;
    const served = Math.round((Date.parse(this.asOf) - Date.parse(seed.hireDate)) / 86_400_000);
    if (served < 60) return seed;
    return { ...seed, endDate: addDays(seed.hireDate, this.random.integer(30, served - 1)) };
  }
}

interface Shape {
  regions: number;
  officesPerRegion: number[];
  unitsPerOffice: number[];
  deputies: number;
}

function officesAndRegions(units: number) {
  const offices = Math.max(1, Math.round(units / 9));
  return { offices, regions: Math.max(1, Math.round(offices / 6)) };
}

/** Line staff left once every executive, manager, supervisor and development post is filled. */
function workersOf(plan: AgencyPlan): number {
  const { offices, regions } = officesAndRegions(plan.units);
  return plan.staff - (1 + Math.min(3, regions) + DEVELOPMENT_STAFF + regions + offices + plan.units);
}

/** Offices hold 4 to 14 units; regions hold up to about six offices. */
function shapeOf(plan: AgencyPlan, random: Random): Shape {
  const { offices, regions } = officesAndRegions(plan.units);
  const unitsPerOffice = allocate(
    plan.units,
    Array.from({ length: offices }, () => 0.4 + random.next() * 1.2),
    1,
  );
  const officesPerRegion = allocate(
    offices,
    Array.from({ length: regions }, () => 1),
    1,
  );
  return { regions, officesPerRegion, unitsPerOffice, deputies: Math.min(3, regions) };
}

async function generateAgency(
  db: Db,
  plan: AgencyPlan,
  options: StatewideOptions,
  random: Random,
  passwordHash: string,
): Promise<{ agency: GeneratedAgency; ended: number }> {
  const shape = shapeOf(plan, random);
  const workers = workersOf(plan);
  const people = new PersonFactory(random, plan, options.asOf);
  const agency = await buildAgency(db, { name: plan.name, slug: plan.slug, timeZone: plan.timeZone });
  const all: NewPerson[] = [];
  const add = async (seeds: PersonSeed[]) => {
    const created = await buildPeople(db, agency.id, seeds);
    all.push(...created);
    return created;
  };

  const root = await buildOrgUnit(db, agency.id, null, { name: plan.name, kind: "agency" });
  const [director] = await add([people.seed("executive", "executive", root, null)]);
  const deputies = await add(
    Array.from({ length: shape.deputies }, () => people.seed("executive", "executive", root, director?.id ?? null)),
  );

  const development = await buildOrgUnit(db, agency.id, root, {
    name: plan.kind === "academy" ? "Curriculum and Coaching" : "Practice and Workforce Development",
    kind: "division",
  });
  const [developmentManager] = await add([
    people.seed("manager", "management", development, deputies[0]?.id ?? director?.id ?? null),
  ]);
  const developmentStaff = await add(
    (
      [
        ["administrative_support", "practice"],
        ["trainer", "practice"],
        ["trainer", "practice"],
        ["coach", "supervisory"],
        ["coach", "practice"],
        ["other", "practice"],
        ["other", "practice"],
      ] as const
    ).map(([jobRole, level]) => people.seed(jobRole, level, development, developmentManager?.id ?? null)),
  );

  const regions: OrgUnitRow[] = [];
  const offices: OrgUnitRow[] = [];
  const units: OrgUnitRow[] = [];
  const regionManagerSeeds: PersonSeed[] = [];
  for (let r = 0; r < shape.regions; r++) {
    const direction = REGION_DIRECTIONS[r % REGION_DIRECTIONS.length];
    const suffix = r >= REGION_DIRECTIONS.length ? ` ${Math.floor(r / REGION_DIRECTIONS.length) + 1}` : "";
    const region = await buildOrgUnit(db, agency.id, root, { name: `${direction} Region${suffix}`, kind: "region" });
    regions.push(region);
    regionManagerSeeds.push(people.seed("manager", "management", region, deputies[r % deputies.length]?.id ?? null));
  }
  const regionManagers = await add(regionManagerSeeds);

  const officeManagerSeeds: PersonSeed[] = [];
  const officeRegion: number[] = [];
  for (const [r, officeCount] of shape.officesPerRegion.entries()) {
    const region = regions[r] as OrgUnitRow;
    for (let o = 0; o < officeCount; o++) {
      const place = OFFICE_PLACES[offices.length % OFFICE_PLACES.length];
      const office = await buildOrgUnit(db, agency.id, region, {
        name: `${region.name.replace(" Region", "")} ${place} Office`,
        kind: "office",
      });
      offices.push(office);
      officeRegion.push(r);
      officeManagerSeeds.push(people.seed("manager", "management", office, regionManagers[r]?.id ?? null));
    }
  }
  const officeManagers = await add(officeManagerSeeds);

  const supervisorSeeds: PersonSeed[] = [];
  let unitNumber = 0;
  for (const [o, office] of offices.entries()) {
    for (let u = 0; u < (shape.unitsPerOffice[o] ?? 0); u++) {
      unitNumber++;
      const unit = await buildOrgUnit(db, agency.id, office, {
        name: `${random.pick(UNIT_SPECIALTIES)} Unit ${unitNumber}`,
        kind: "unit",
      });
      units.push(unit);
      supervisorSeeds.push(people.seed("supervisor", "supervisory", unit, officeManagers[o]?.id ?? null));
    }
  }
  const supervisors = await add(supervisorSeeds);

  // Unit sizes vary from a couple of workers to a dozen or more; about one in six is a case aide.
  const unitSizes = allocate(
    workers,
    units.map(() => 0.3 + random.next() * 1.4),
    1,
  );
  const workerSeeds: PersonSeed[] = [];
  for (const [u, unit] of units.entries()) {
    for (let w = 0; w < (unitSizes[u] ?? 0); w++) {
      const jobRole: JobRole = random.chance(0.17) ? "case_aide" : "social_worker";
      workerSeeds.push(people.maybeEnded(people.seed(jobRole, "practice", unit, supervisors[u]?.id ?? null)));
    }
  }
  const workerPeople = await add(workerSeeds);

  const [admin, trainer, , coachingSupervisor, coach, implementationLead, observer] = developmentStaff;
  const largestUnit = unitSizes.indexOf(Math.max(...unitSizes));
  const owners: Partial<Record<Role, NewPerson | undefined>> = {
    admin,
    implementation_lead: implementationLead,
    training_coordinator: developmentManager,
    trainer,
    coaching_supervisor: coachingSupervisor,
    coach,
    executive: director,
    manager: regionManagers[0],
    supervisor: supervisors[largestUnit],
    staff: workerPeople.find((p) => p.supervisorId === supervisors[largestUnit]?.id && !p.endDate),
    fidelity_observer: observer,
  };
  const accounts = new Map<Role, { userId: string; email: string }>();
  // The partner viewer's account belongs to a partner person, so the partners extension makes it.
  for (const { role } of ACCOUNT_ROLES.filter((a) => a.role !== "partner_viewer")) {
    const owner = owners[role];
    const account = { userId: newId(), email: accountEmail(plan.slug, role) };
    await insertUser(db, {
      id: account.userId,
      agencyId: agency.id,
      personId: owner?.id ?? null,
      email: account.email,
      displayName: owner ? `${owner.givenName} ${owner.familyName}` : plan.name,
      passwordHash,
      roles: role === "supervisor" || role === "manager" || role === "executive" ? [role, "staff"] : [role],
    });
    accounts.set(role, account);
  }

  return {
    agency: {
      id: agency.id,
      name: plan.name,
      slug: plan.slug,
      timeZone: plan.timeZone,
      kind: plan.kind,
      root,
      regions,
      offices,
      units,
      people: all,
      accounts,
      passwordHash,
      asOf: options.asOf,
    },
    ended: all.filter((p) => p.endDate).length,
  };
}

/**
 * Creates the statewide data set: each agency in its own transaction, through the same
 * builders and repositories the demo agency and the tests use. The database must already be
 * migrated. The password is hashed once and the hash reused, since Argon2 is slow on purpose.
 */
export async function generateStatewide(
  db: Db,
  options: StatewideOptions,
  onAgency?: (summary: AgencySummary, index: number, count: number) => void,
): Promise<StatewideSummary> {
  const started = performance.now();
  const random = seededRandom(options.seed);
  const plans = planAgencies(options, random);
  for (const plan of plans) {
    if (workersOf(plan) < plan.units) {
      throw new Error(
        `${plan.name} would get ${plan.staff} staff for ${plan.units} units, too few to give each unit its leadership and a worker; raise --staff or lower --units`,
      );
    }
  }
  const [first] = plans;
  if (first && (await findAgencyBySlug(db, first.slug))) {
    throw new Error(`the database already holds an agency "${first.slug}"; generate into an empty database`);
  }
  const passwordHash = await hashPassword(options.password);
  const agencies: AgencySummary[] = [];
  const extensionTotals: Record<string, number> = {};
  for (const [index, plan] of plans.entries()) {
    const agencyStarted = performance.now();
    // Each agency draws from its own stream, so changing one agency's shape leaves the others alone.
    const agencyRandom = seededRandom(options.seed * 1_000 + index + 1);
    const summary = await db.transaction().execute(async (trx) => {
      const { agency, ended } = await generateAgency(trx, plan, options, agencyRandom, passwordHash);
      const extensions: Record<string, number> = {};
      for (const extension of STATEWIDE_EXTENSIONS) {
        const counts = await extension.extendAgency(trx, agency, agencyRandom);
        for (const [name, n] of Object.entries(counts)) extensions[name] = (extensions[name] ?? 0) + n;
      }
      return {
        name: plan.name,
        slug: plan.slug,
        timeZone: plan.timeZone,
        people: agency.people.length,
        endedEmployments: ended,
        orgUnits: 2 + agency.regions.length + agency.offices.length + agency.units.length,
        units: agency.units.length,
        accounts: agency.accounts.size,
        extensions,
        milliseconds: performance.now() - agencyStarted,
      } satisfies AgencySummary;
    });
    for (const [name, n] of Object.entries(summary.extensions))
      extensionTotals[name] = (extensionTotals[name] ?? 0) + n;
    agencies.push(summary);
    onAgency?.(summary, index, plans.length);
  }
  const sum = (field: "people" | "endedEmployments" | "orgUnits" | "units" | "accounts") =>
    agencies.reduce((total, a) => total + a[field], 0);
  return {
    options,
    agencies,
    totals: {
      people: sum("people"),
      endedEmployments: sum("endedEmployments"),
      orgUnits: sum("orgUnits"),
      units: sum("units"),
      accounts: sum("accounts"),
    },
    extensionTotals,
    milliseconds: performance.now() - started,
  };
}
