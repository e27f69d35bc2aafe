import type { Generated } from "kysely";

/**
 * The Kysely view of Cascade's tables. Column types are the ones both dialects
 * return: ids are text UUIDs, timestamps are ISO-8601 UTC strings, booleans are
 * 0/1 integers (SQLite has no boolean), JSON is stored as text. See
 * docs/decisions/0002-two-databases.md.
 */
export interface AgenciesTable {
  id: string;
  name: string;
  slug: string;
  time_zone: string;
  require_totp: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface OrgUnitsTable {
  id: string;
  agency_id: string;
  parent_id: string | null;
  name: string;
  kind: string;
  /** Materialized path of ancestor ids, `/root/child/self/`, for subtree queries. */
  path: string;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PeopleTable {
  id: string;
  agency_id: string;
  employee_id: string | null;
  given_name: string;
  family_name: string;
  work_email: string | null;
  job_role: string;
  level: string;
  org_unit_id: string | null;
  supervisor_id: string | null;
  hire_date: string | null;
  end_date: string | null;
  languages: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface UsersTable {
  id: string;
  agency_id: string;
  person_id: string | null;
  email: string;
  display_name: string;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled: number;
  is_active: number;
  created_at: string;
  updated_at: string;
  version: number;
  /** Set for a partner viewer's account: the partner person it belongs to. */
  partner_person_id: string | null;
}

export interface UserRolesTable {
  agency_id: string;
  user_id: string;
  role: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  agency_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** 1 while an agency that requires two-factor waits for this user to set it up. */
  totp_setup_pending: number;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  throttle_key: string;
  attempted_at: string;
}

export interface AuditEventsTable {
  id: Generated<number>;
  agency_id: string;
  actor_user_id: string | null;
  occurred_at: string;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  before_json: string | null;
  after_json: string | null;
}

export interface PartnerOrganizationsTable {
  id: string;
  agency_id: string;
  kind: string;
  name: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  notes: string;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PartnerPeopleTable {
  id: string;
  agency_id: string;
  partner_organization_id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  /** JSON array of language names. */
  languages: string;
  /** JSON array of partner roles (co_trainer, coach, …). */
  roles: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CompensationAgreementsTable {
  id: string;
  agency_id: string;
  partner_person_id: string;
  kind: string;
  rate_cents: number;
  rate_unit: string;
  budgeted_minutes: number;
  start_date: string;
  end_date: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PartnerHoursTable {
  id: string;
  agency_id: string;
  agreement_id: string;
  activity: string;
  work_date: string;
  minutes: number;
  note: string;
  source_type: string;
  source_id: string | null;
  logged_by_user_id: string | null;
  created_at: string;
}

export interface TeamsTable {
  id: string;
  agency_id: string;
  name: string;
  kind: string;
  org_unit_id: string | null;
  parent_team_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TeamMembersTable {
  id: string;
  agency_id: string;
  team_id: string;
  person_id: string | null;
  partner_person_id: string | null;
  role: string;
  created_at: string;
}

export interface RosterImportsTable {
  id: string;
  agency_id: string;
  file_name: string;
  /** `uploaded`, `previewed` (a dry-run diff is stored) or `applied`. */
  status: string;
  created_by_user_id: string;
  created_at: string;
  applied_at: string | null;
  /** JSON: the file's headers and its rows as text cells. */
  rows_json: string;
  /** JSON: the column and value mapping the last dry run used. */
  mapping_json: string | null;
  /** JSON: the last dry-run diff. */
  preview_json: string | null;
  /** JSON: what applying changed. */
  summary_json: string | null;
  version: number;
}

export interface RosterColumnMappingsTable {
  agency_id: string;
  /** `column` (a file header → a field), `jobRole` or `level` (a file value → Cascade's value). */
  kind: string;
  source_key: string;
  target: string;
  updated_at: string;
}

export interface PracticeModelsTable {
  id: string;
  agency_id: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ModelVersionsTable {
  id: string;
  agency_id: string;
  model_id: string;
  /** Null while the version is a draft. */
  number: number | null;
  /** `draft` or `published`; a published version never changes. */
  status: string;
  published_at: string | null;
  published_by_user_id: string | null;
  /** JSON: the version's values, elements, leadership behaviors and rating scales. */
  content_json: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface FidelityInstrumentsTable {
  id: string;
  agency_id: string;
  name: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface FidelityInstrumentVersionsTable {
  id: string;
  agency_id: string;
  instrument_id: string;
  /** Null while the version is a draft. */
  number: number | null;
  /** `draft` or `published`; a published version never changes. */
  status: string;
  /** JSON: the scale, the measures (linked to model elements) and the scoring rules. */
  content_json: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface FidelityObserversTable {
  id: string;
  agency_id: string;
  /** `community_partner` (a partner person) or `agency_partner` (a staff person). */
  observer_type: string;
  person_id: string | null;
  partner_person_id: string | null;
  trained_on: string | null;
  certified_on: string | null;
  certification_expires_on: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface FidelitySamplesTable {
  id: string;
  agency_id: string;
  org_unit_id: string;
  period_start: string;
  period_end: string;
  seed: string;
  sample_size: number;
  /** JSON array of the sampled people's ids, in draw order. */
  person_ids_json: string;
  created_by_user_id: string;
  created_at: string;
}

export interface FidelityObservationsTable {
  id: string;
  agency_id: string;
  instrument_id: string;
  instrument_version_number: number;
  /** `teaming_event` or `family_meeting`. */
  event_type: string;
  event_date: string;
  staff_person_id: string;
  /** The staff person's unit on the event date, kept so results do not move when people transfer. */
  org_unit_id: string | null;
  /** An opaque reference to the family's consent record; never anything that identifies the family. */
  consent_reference: string;
  /** `scheduled`, `rated` (both observers submitted) or `reconciled`. */
  status: string;
  /** `app` or `import`. */
  source: string;
  /** The observation id in an imported spreadsheet. */
  external_id: string | null;
  debrief_strengths: string;
  debrief_next_steps: string;
  reconciled_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface FidelityObservationObserversTable {
  agency_id: string;
  observation_id: string;
  observer_id: string;
  observer_type: string;
  submitted_at: string | null;
}

export interface FidelityRatingsTable {
  agency_id: string;
  observation_id: string;
  observer_id: string;
  measure_code: string;
  rating: number;
  note: string;
  updated_at: string;
}

export interface FidelityConsensusRatingsTable {
  agency_id: string;
  observation_id: string;
  measure_code: string;
  rating: number;
  note: string;
}

export interface Database {
  agencies: AgenciesTable;
  org_units: OrgUnitsTable;
  people: PeopleTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_events: AuditEventsTable;
  partner_organizations: PartnerOrganizationsTable;
  partner_people: PartnerPeopleTable;
  compensation_agreements: CompensationAgreementsTable;
  partner_hours: PartnerHoursTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  roster_imports: RosterImportsTable;
  roster_column_mappings: RosterColumnMappingsTable;
  practice_models: PracticeModelsTable;
  model_versions: ModelVersionsTable;
  fidelity_instruments: FidelityInstrumentsTable;
  fidelity_instrument_versions: FidelityInstrumentVersionsTable;
  fidelity_observers: FidelityObserversTable;
  fidelity_samples: FidelitySamplesTable;
  fidelity_observations: FidelityObservationsTable;
  fidelity_observation_observers: FidelityObservationObserversTable;
  fidelity_ratings: FidelityRatingsTable;
  fidelity_consensus_ratings: FidelityConsensusRatingsTable;
}
