/**
 * The fields a roster file can carry and the headers Cascade writes for them. Kept apart from the
 * file readers so the web app can use them without the CSV and XLSX libraries.
 */
export const ROSTER_FIELDS = [
  "employeeId",
  "givenName",
  "familyName",
  "workEmail",
  "jobRole",
  "level",
  "unit",
  "supervisorEmployeeId",
  "hireDate",
  "endDate",
  "languages",
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** The fields a file must map before a dry run can start. */
export const REQUIRED_ROSTER_FIELDS: readonly RosterField[] = [
  "employeeId",
  "givenName",
  "familyName",
  "jobRole",
  "unit",
];

/** The header Cascade's own export writes for each field. */
export const ROSTER_HEADERS: Record<RosterField, string> = {
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
};
