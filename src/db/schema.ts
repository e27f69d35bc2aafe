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

export interface Database {
  agencies: AgenciesTable;
  org_units: OrgUnitsTable;
  people: PeopleTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_events: AuditEventsTable;
}
