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
  /** Days a trained unit may go without coaching before it is flagged for follow-up. */
  coaching_follow_up_days: number;
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

export interface CoachingProgramsTable {
  id: string;
  agency_id: string;
  name: string;
  program_type: string;
  goal_and_scope: string;
  /** JSON array of levels (practice, supervisory, management, executive). */
  levels_served: string;
  /** JSON: [{ level, startDate }] in cascade order. */
  startup_schedule: string;
  /** Fewest feedback responses before a coach sees their aggregate. */
  feedback_minimum: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CoachesTable {
  id: string;
  agency_id: string;
  person_id: string | null;
  partner_person_id: string | null;
  coach_kind: string;
  credentials: string;
  model_fluency: string;
  model_id: string | null;
  model_version_number: number | null;
  /** JSON array of element and behavior ids of the model version above. */
  strength_item_ids: string;
  languages: string;
  cultural_knowledge: string;
  capacity_coachees: number;
  capacity_hours_per_month: number;
  available_for_new: number;
  region_org_unit_id: string | null;
  mentor_coach_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CoachingRequestsTable {
  id: string;
  agency_id: string;
  program_id: string | null;
  coachee_person_id: string;
  origin: string;
  status: string;
  goals_text: string;
  model_id: string | null;
  model_version_number: number | null;
  goal_item_ids: string;
  preferred_language: string | null;
  invitation_message: string;
  accepted_at: string | null;
  declined_at: string | null;
  coach_id: string | null;
  override_reason: string | null;
  decided_by_user_id: string | null;
  decided_at: string | null;
  created_by_user_id: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CoachingEngagementsTable {
  id: string;
  agency_id: string;
  request_id: string;
  program_id: string | null;
  coach_id: string;
  coachee_person_id: string;
  status: string;
  started_on: string;
  readiness_decision: string | null;
  readiness_notes: string;
  readiness_checked_at: string | null;
  model_id: string | null;
  model_version_number: number | null;
  agreement_goals: string;
  agreement_frequency: string;
  agreement_format: string;
  agreement_duration: string;
  agreement_roles: string;
  share_summaries_with_supervisor: number;
  coach_acknowledged_at: string | null;
  coachee_acknowledged_at: string | null;
  closing_summary: string;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CoachingSessionsTable {
  id: string;
  agency_id: string;
  engagement_id: string;
  status: string;
  session_date: string;
  start_time: string | null;
  duration_minutes: number;
  session_format: string;
  location: string;
  participants: string;
  focus_item_ids: string;
  steps_covered: string;
  reflection_easy: string;
  reflection_hard: string;
  reflection_confident: string;
  /** Readable by the coach and the coachee only; every read is audited. */
  private_notes: string;
  shared_summary: string;
  action_items: string;
  created_by_user_id: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CoachingBarriersTable {
  id: string;
  agency_id: string;
  session_id: string;
  description: string;
  category: string;
  routed_at: string | null;
  created_at: string;
}

export interface CoachingProgressRatingsTable {
  id: string;
  agency_id: string;
  engagement_id: string;
  goal_id: string;
  rated_on: string;
  rating: number;
  rated_by_user_id: string;
  created_at: string;
}

export interface CoachingFeedbackTable {
  id: string;
  agency_id: string;
  engagement_id: string;
  session_id: string | null;
  coach_id: string;
  satisfaction: number;
  usefulness: number;
  relationship: number;
  created_at: string;
}

export interface ModelFocusesTable {
  id: string;
  agency_id: string;
  org_unit_id: string;
  /** YYYY-MM, in the agency's time zone. */
  month: string;
  model_id: string;
  version_number: number;
  /** `element` or `behavior`. */
  item_kind: string;
  item_id: string;
  note: string;
  set_by_user_id: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CalendarFeedsTable {
  id: string;
  agency_id: string;
  user_id: string;
  /** SHA-256 of the secret in the feed's address. */
  token_hash: string;
  created_at: string;
}

export interface TrainingRolloutPlansTable {
  id: string;
  agency_id: string;
  name: string;
  /** JSON: the periods in order, each `{ label, startDate }` (startDate YYYY-MM-DD or null). */
  periods_json: string;
  /** JSON: region labels in the order the grid shows them. */
  regions_json: string;
  cohort_min: number;
  cohort_max: number;
  /** The largest cohort allowed at all; sizes between cohort_max and this are warned about. */
  cohort_limit: number;
  /** How many training sessions the trainers can deliver in one period. */
  sessions_per_period: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TrainingPlannedUnitsTable {
  id: string;
  agency_id: string;
  plan_id: string;
  region_label: string;
  unit_label: string;
  /** Null while the unit is in the plan but not yet given a period. */
  period_index: number | null;
  /** When the unit's supervisor, manager and executives train; must come before period_index. */
  leaders_period_index: number | null;
  /** Order of the unit within its region, as first written. */
  position: number;
  org_unit_id: string | null;
  volunteer: number;
  created_at: string;
}

export interface TrainingCurriculaTable {
  id: string;
  agency_id: string;
  title: string;
  description: string;
  /** The published practice model version the modules' element and behavior ids belong to. */
  model_id: string | null;
  model_version_number: number | null;
  /** JSON: the modules in order, each with id, title, duration, audiences, element and behavior ids. */
  modules_json: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TrainingSessionsTable {
  id: string;
  agency_id: string;
  title: string;
  curriculum_id: string | null;
  /** JSON: ids of the curriculum's modules this session teaches. */
  module_ids_json: string;
  /** UTC; entered and shown in the agency's time zone. */
  starts_at: string;
  ends_at: string;
  place: string;
  video_link: string;
  facility: string;
  capacity: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TrainingSessionTrainersTable {
  id: string;
  agency_id: string;
  session_id: string;
  /** A staff trainer, or else a partner person (partner_person_id). */
  person_id: string | null;
  partner_person_id: string | null;
  /** `lead` or `co_trainer`. */
  role: string;
  created_at: string;
}

export interface TrainingEnrollmentsTable {
  id: string;
  agency_id: string;
  session_id: string;
  person_id: string;
  /** Null until recorded: `present`, `absent` or `partial`. */
  attendance: string | null;
  minutes_attended: number | null;
  created_at: string;
  updated_at: string;
}

export interface TrainingSurveyInstrumentsTable {
  id: string;
  agency_id: string;
  /** The practice model whose elements the items name; null before a model is published. */
  model_id: string | null;
  items_json: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TrainingDeliveryChecksTable {
  id: string;
  agency_id: string;
  session_id: string;
  observer_person_id: string;
  /** Null until the observer records the checklist: item key → rating and comment. */
  ratings_json: string | null;
  comment: string;
  recorded_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TrainingSurveysTable {
  id: string;
  agency_id: string;
  session_id: string;
  /** `pre` or `post`. */
  phase: string;
  /** 1 when the post survey also asks how things were before the training (retrospective pre). */
  retrospective: number;
  model_id: string | null;
  /** The instrument's items as they were when the survey opened. */
  items_json: string;
  opened_at: string;
  closed_at: string | null;
}

export interface TrainingSurveyResponsesTable {
  id: string;
  agency_id: string;
  survey_id: string;
  person_id: string;
  answers_json: string;
  submitted_at: string;
  updated_at: string;
}

export interface TrainingPartnerHoursTable {
  id: string;
  agency_id: string;
  session_id: string;
  session_trainer_id: string;
  partner_hours_id: string;
  minutes: number;
  created_at: string;
}

/** A partner coach's logged coaching session and the compensation-log entry made for it. */
export interface CoachingPartnerHoursTable {
  id: string;
  agency_id: string;
  session_id: string;
  partner_hours_id: string;
  minutes: number;
  created_at: string;
}

export interface TrainingNudgesTable {
  id: string;
  agency_id: string;
  person_id: string;
  nudged_by_person_id: string;
  session_id: string | null;
  message: string;
  created_at: string;
  dismissed_at: string | null;
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

/** A reference case for calibration: a written meeting and the reference rating per measure. */
export interface FidelityCalibrationCasesTable {
  id: string;
  agency_id: string;
  instrument_id: string;
  instrument_version_number: number;
  title: string;
  description: string;
  /** JSON: [{ measureCode, rating, rationale }], one per measure of the instrument version. */
  reference_json: string;
  created_by_user_id: string;
  created_at: string;
}

/** One observer's submitted ratings of a calibration case. */
export interface FidelityCalibrationAttemptsTable {
  id: string;
  agency_id: string;
  case_id: string;
  observer_id: string;
  /** JSON: [{ measureCode, rating }]. */
  ratings_json: string;
  submitted_at: string;
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

export interface CoachSkillRatingsTable {
  id: string;
  agency_id: string;
  coach_id: string;
  skill: string;
  rating: number;
  /** `self` or `mentor`. */
  rater_kind: string;
  rated_by_user_id: string;
  rated_on: string;
  note: string;
  created_at: string;
}

export interface CoachObservationsTable {
  id: string;
  agency_id: string;
  coach_id: string;
  observed_on: string;
  format: string;
  /** JSON array of coaching-skill codes. */
  skills: string;
  strengths: string;
  /** JSON array of one or two short texts. */
  things_to_try: string;
  observer_user_id: string;
  coach_reflection: string | null;
  reflected_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CoachingRoundtablesTable {
  id: string;
  agency_id: string;
  title: string;
  held_on: string;
  /** `HH:MM` in the agency's time zone. */
  start_time: string;
  duration_minutes: number;
  facilitator_coach_id: string | null;
  /** JSON array of `{ text, itemId }`. */
  topics: string;
  model_id: string | null;
  model_version_number: number | null;
  /** JSON array of `{ coachId, attendance }` for every invited coach. */
  attendance: string;
  created_by_user_id: string;
  created_at: string;
  updated_at: string;
  version: number;
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
  model_focuses: ModelFocusesTable;
  calendar_feeds: CalendarFeedsTable;
  coaching_programs: CoachingProgramsTable;
  coaches: CoachesTable;
  coaching_requests: CoachingRequestsTable;
  coaching_engagements: CoachingEngagementsTable;
  coaching_sessions: CoachingSessionsTable;
  coaching_barriers: CoachingBarriersTable;
  coaching_progress_ratings: CoachingProgressRatingsTable;
  coaching_feedback: CoachingFeedbackTable;
  coach_skill_ratings: CoachSkillRatingsTable;
  coach_observations: CoachObservationsTable;
  coaching_roundtables: CoachingRoundtablesTable;
  training_rollout_plans: TrainingRolloutPlansTable;
  training_planned_units: TrainingPlannedUnitsTable;
  training_curricula: TrainingCurriculaTable;
  training_sessions: TrainingSessionsTable;
  training_session_trainers: TrainingSessionTrainersTable;
  training_enrollments: TrainingEnrollmentsTable;
  training_survey_instruments: TrainingSurveyInstrumentsTable;
  training_surveys: TrainingSurveysTable;
  training_survey_responses: TrainingSurveyResponsesTable;
  training_delivery_checks: TrainingDeliveryChecksTable;
  training_partner_hours: TrainingPartnerHoursTable;
  training_nudges: TrainingNudgesTable;
  coaching_partner_hours: CoachingPartnerHoursTable;
  fidelity_instruments: FidelityInstrumentsTable;
  fidelity_instrument_versions: FidelityInstrumentVersionsTable;
  fidelity_observers: FidelityObserversTable;
  fidelity_samples: FidelitySamplesTable;
  fidelity_observations: FidelityObservationsTable;
  fidelity_observation_observers: FidelityObservationObserversTable;
  fidelity_ratings: FidelityRatingsTable;
  fidelity_consensus_ratings: FidelityConsensusRatingsTable;
  fidelity_calibration_cases: FidelityCalibrationCasesTable;
  fidelity_calibration_attempts: FidelityCalibrationAttemptsTable;
}
