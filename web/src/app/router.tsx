import { createRootRoute, createRoute, createRouter } from "@tanstack/react-router";
import { AccountPage } from "../../../src/features/accounts/ui/account-page.js";
import { AgencySettingsPage } from "../../../src/features/agencies/ui/agency-settings-page.js";
import { AuditLogPage } from "../../../src/features/audit/ui/audit-log-page.js";
import { ZAuditSearch } from "../../../src/features/audit/ui/audit-search.js";
import { CoachCalendarPage } from "../../../src/features/coaching/ui/coach-calendar-page.js";
import { CoachDevelopmentPage } from "../../../src/features/coaching/ui/coach-development-page.js";
import { CoachesPage } from "../../../src/features/coaching/ui/coaches-page.js";
import { CoachingPage } from "../../../src/features/coaching/ui/coaching-page.js";
import { EngagementPage } from "../../../src/features/coaching/ui/engagement-page.js";
import { MatchPage } from "../../../src/features/coaching/ui/match-page.js";
import { ProgramsPage } from "../../../src/features/coaching/ui/programs-page.js";
import { RoundtablesPage } from "../../../src/features/coaching/ui/roundtables-page.js";
import { SessionPage } from "../../../src/features/coaching/ui/session-page.js";
import { CalibrationCasePage } from "../../../src/features/fidelity/ui/calibration-case-page.js";
import { CalibrationPage } from "../../../src/features/fidelity/ui/calibration-page.js";
import { DebriefPage } from "../../../src/features/fidelity/ui/debrief-page.js";
import { DebriefsPage, ZDebriefsSearch } from "../../../src/features/fidelity/ui/debriefs-page.js";
import { FidelityPage } from "../../../src/features/fidelity/ui/fidelity-page.js";
import { HistoryImportPage } from "../../../src/features/fidelity/ui/history-import-page.js";
import { InstrumentPage } from "../../../src/features/fidelity/ui/instrument-page.js";
import { InstrumentsPage } from "../../../src/features/fidelity/ui/instruments-page.js";
import { ObservationPage } from "../../../src/features/fidelity/ui/observation-page.js";
import { ObserversPage } from "../../../src/features/fidelity/ui/observers-page.js";
import { ReliabilityPage } from "../../../src/features/fidelity/ui/reliability-page.js";
import { ResultsPage } from "../../../src/features/fidelity/ui/results-page.js";
import { HomePage } from "../../../src/features/home/ui/home-page.js";
import { ModelAdminPage } from "../../../src/features/model/ui/model-admin-page.js";
import { ModelComparePage } from "../../../src/features/model/ui/model-compare-page.js";
import { ModelPage } from "../../../src/features/model/ui/model-page.js";
import { ModelPrintPage } from "../../../src/features/model/ui/model-print-page.js";
import { ZCompareSearch, ZModelSearch, ZPrintSearch } from "../../../src/features/model/ui/model-search.js";
import { ModelsManagePage } from "../../../src/features/model/ui/models-manage-page.js";
import { FocusPage } from "../../../src/features/model-focus/ui/focus-page.js";
import { OrgTreePage } from "../../../src/features/org/ui/org-tree-page.js";
import { PartnerOrganizationPage } from "../../../src/features/partners/ui/partner-organization-page.js";
import { PartnerPersonPage } from "../../../src/features/partners/ui/partner-person-page.js";
import { PartnersPage } from "../../../src/features/partners/ui/partners-page.js";
import { NewPersonPage } from "../../../src/features/people/ui/new-person-page.js";
import { PeoplePage } from "../../../src/features/people/ui/people-page.js";
import { ZPeopleSearch } from "../../../src/features/people/ui/people-search.js";
import { PersonPage } from "../../../src/features/people/ui/person-page.js";
import { RosterImportPage, RosterUploadPage } from "../../../src/features/people/ui/roster-import-page.js";
import { TeamPage } from "../../../src/features/teams/ui/team-page.js";
import { TeamsPage } from "../../../src/features/teams/ui/teams-page.js";
import { CurriculaPage } from "../../../src/features/training/ui/curricula-page.js";
import { CurriculumPage, NewCurriculumPage } from "../../../src/features/training/ui/curriculum-editor-page.js";
import { DeliveryCheckPage, DeliveryChecksPage } from "../../../src/features/training/ui/delivery-check-pages.js";
import { EditSessionPage } from "../../../src/features/training/ui/edit-session-page.js";
import { NewSessionPage, ZNewSessionSearch } from "../../../src/features/training/ui/new-session-page.js";
import { RolloutPlanPage } from "../../../src/features/training/ui/rollout-plan-page.js";
import { RolloutPlansPage } from "../../../src/features/training/ui/rollout-plans-page.js";
import { StaffStatusPage } from "../../../src/features/training/ui/staff-status-page.js";
import { SurveyInstrumentPage } from "../../../src/features/training/ui/survey-instrument-page.js";
import { SurveyResultsPage } from "../../../src/features/training/ui/survey-results-page.js";
import { TrainingSessionPage, TrainingSessionsPage } from "../../../src/features/training/ui/training-sessions-page.js";
import { AdminIndexPage } from "./admin-index-page.js";
import { AppLayout } from "./app-layout.js";
import { NotFoundPage } from "./not-found-page.js";
import { SessionGate } from "./session.js";

/**
 * Every page shares the gate (is anyone signed in?) and the layout; an unknown address renders
 * the not-found page inside the layout, so the navigation is still there to find the way back.
 */
const rootRoute = createRootRoute({
  component: () => (
    <SessionGate>
      <AppLayout />
    </SessionGate>
  ),
  notFoundComponent: NotFoundPage,
});

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: HomePage });

const organizationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/organization",
  component: OrgTreePage,
});

const peopleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/people",
  validateSearch: (raw) => ZPeopleSearch.parse(raw),
  component: function PeopleRoute() {
    const search = peopleRoute.useSearch();
    const navigate = peopleRoute.useNavigate();
    return <PeoplePage search={search} onSearchChange={(next) => void navigate({ search: next })} />;
  },
});

const newPersonRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/people/new",
  component: NewPersonPage,
});

const rosterUploadRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/people/import",
  component: RosterUploadPage,
});

const rosterImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/people/import/$importId",
  component: function RosterImportRoute() {
    const { importId } = rosterImportRoute.useParams();
    return <RosterImportPage key={importId} importId={importId} />;
  },
});

const personRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/people/$personId",
  component: function PersonRoute() {
    const { personId } = personRoute.useParams();
    return <PersonPage key={personId} personId={personId} />;
  },
});

const partnersRoute = createRoute({ getParentRoute: () => rootRoute, path: "/partners", component: PartnersPage });

const partnerOrganizationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/partners/$partnerOrganizationId",
  component: function PartnerOrganizationRoute() {
    const { partnerOrganizationId } = partnerOrganizationRoute.useParams();
    return <PartnerOrganizationPage key={partnerOrganizationId} partnerOrganizationId={partnerOrganizationId} />;
  },
});

const partnerPersonRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/partners/people/$partnerPersonId",
  component: function PartnerPersonRoute() {
    const { partnerPersonId } = partnerPersonRoute.useParams();
    return <PartnerPersonPage key={partnerPersonId} partnerPersonId={partnerPersonId} />;
  },
});

const teamsRoute = createRoute({ getParentRoute: () => rootRoute, path: "/teams", component: TeamsPage });

const teamRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/teams/$teamId",
  component: function TeamRoute() {
    const { teamId } = teamRoute.useParams();
    return <TeamPage key={teamId} teamId={teamId} />;
  },
});

const modelRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/model",
  validateSearch: (raw) => ZModelSearch.parse(raw),
  component: function ModelRoute() {
    const search = modelRoute.useSearch();
    const navigate = modelRoute.useNavigate();
    return <ModelPage search={search} onSearchChange={(next) => void navigate({ search: next })} />;
  },
});

const modelsManageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/model/manage",
  component: ModelsManagePage,
});

const modelAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/model/manage/$modelId",
  component: function ModelAdminRoute() {
    const { modelId } = modelAdminRoute.useParams();
    return <ModelAdminPage key={modelId} modelId={modelId} />;
  },
});

const modelCompareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/model/$modelId/compare",
  validateSearch: (raw) => ZCompareSearch.parse(raw),
  component: function ModelCompareRoute() {
    const { modelId } = modelCompareRoute.useParams();
    const search = modelCompareRoute.useSearch();
    const navigate = modelCompareRoute.useNavigate();
    return (
      <ModelComparePage
        key={modelId}
        modelId={modelId}
        search={search}
        onSearchChange={(next) => void navigate({ search: next })}
      />
    );
  },
});

const modelPrintRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/model/$modelId/print/$number",
  validateSearch: (raw) => ZPrintSearch.parse(raw),
  component: function ModelPrintRoute() {
    const { modelId, number } = modelPrintRoute.useParams();
    const search = modelPrintRoute.useSearch();
    const navigate = modelPrintRoute.useNavigate();
    return (
      <ModelPrintPage
        key={`${modelId}/${number}`}
        modelId={modelId}
        number={Number(number)}
        search={search}
        onSearchChange={(next) => void navigate({ search: next })}
      />
    );
  },
});

const focusRoute = createRoute({ getParentRoute: () => rootRoute, path: "/model/focus", component: FocusPage });

const coachingRoute = createRoute({ getParentRoute: () => rootRoute, path: "/coaching", component: CoachingPage });

const coachingProgramsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/coaching/programs",
  component: ProgramsPage,
});

const coachingCoachesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/coaching/coaches",
  component: CoachesPage,
});

const coachingCalendarRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/coaching/calendar",
  component: CoachCalendarPage,
});

const coachingMatchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/coaching/requests/$requestId",
  component: function CoachingMatchRoute() {
    const { requestId } = coachingMatchRoute.useParams();
    return <MatchPage key={requestId} requestId={requestId} />;
  },
});

const coachingEngagementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/coaching/engagements/$engagementId",
  component: function CoachingEngagementRoute() {
    const { engagementId } = coachingEngagementRoute.useParams();
    return <EngagementPage key={engagementId} engagementId={engagementId} />;
  },
});

const coachingSessionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/coaching/sessions/$sessionId",
  component: function CoachingSessionRoute() {
    const { sessionId } = coachingSessionRoute.useParams();
    return <SessionPage key={sessionId} sessionId={sessionId} />;
  },
});

const coachDevelopmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/coaching/coaches/$coachId/development",
  component: function CoachDevelopmentRoute() {
    const { coachId } = coachDevelopmentRoute.useParams();
    return <CoachDevelopmentPage key={coachId} coachId={coachId} />;
  },
});

const roundtablesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/coaching/roundtables",
  component: RoundtablesPage,
});

const rolloutPlansRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/training/plans",
  component: RolloutPlansPage,
});

const rolloutPlanRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/training/plans/$planId",
  component: function RolloutPlanRoute() {
    const { planId } = rolloutPlanRoute.useParams();
    return <RolloutPlanPage key={planId} planId={planId} />;
  },
});

const trainingSessionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/training/sessions",
  component: TrainingSessionsPage,
});

const trainingSessionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/training/sessions/$sessionId",
  component: function TrainingSessionRoute() {
    const { sessionId } = trainingSessionRoute.useParams();
    return <TrainingSessionPage key={sessionId} sessionId={sessionId} />;
  },
});

const curriculaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/training/curricula",
  component: CurriculaPage,
});

const newCurriculumRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/training/curricula/new",
  component: NewCurriculumPage,
});

const curriculumRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/training/curricula/$curriculumId",
  component: function CurriculumRoute() {
    const { curriculumId } = curriculumRoute.useParams();
    return <CurriculumPage key={curriculumId} curriculumId={curriculumId} />;
  },
});

const newTrainingSessionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/training/sessions/new",
  validateSearch: (raw) => ZNewSessionSearch.parse(raw),
  component: function NewTrainingSessionRoute() {
    const { curriculumId } = newTrainingSessionRoute.useSearch();
    return <NewSessionPage curriculumId={curriculumId} />;
  },
});

const editTrainingSessionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/training/sessions/$sessionId/edit",
  component: function EditTrainingSessionRoute() {
    const { sessionId } = editTrainingSessionRoute.useParams();
    return <EditSessionPage key={sessionId} sessionId={sessionId} />;
  },
});

const trainingSurveyResultsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/training/sessions/$sessionId/survey",
  component: function TrainingSurveyResultsRoute() {
    const { sessionId } = trainingSurveyResultsRoute.useParams();
    return <SurveyResultsPage key={sessionId} sessionId={sessionId} />;
  },
});

const trainingSurveyInstrumentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/training/survey",
  component: SurveyInstrumentPage,
});

const staffStatusRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/training/staff",
  component: StaffStatusPage,
});

const deliveryChecksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/training/delivery-checks",
  component: DeliveryChecksPage,
});

const deliveryCheckRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/training/delivery-checks/$checkId",
  component: function DeliveryCheckRoute() {
    const { checkId } = deliveryCheckRoute.useParams();
    return <DeliveryCheckPage key={checkId} checkId={checkId} />;
  },
});

const fidelityRoute = createRoute({ getParentRoute: () => rootRoute, path: "/fidelity", component: FidelityPage });

const fidelityObservationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/fidelity/observations/$observationId",
  component: function FidelityObservationRoute() {
    const { observationId } = fidelityObservationRoute.useParams();
    return <ObservationPage key={observationId} observationId={observationId} />;
  },
});

const fidelityReliabilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/fidelity/reliability",
  component: ReliabilityPage,
});

const fidelityResultsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/fidelity/results",
  component: ResultsPage,
});

const fidelityDebriefsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/fidelity/debriefs",
  validateSearch: (raw) => ZDebriefsSearch.parse(raw),
  component: function FidelityDebriefsRoute() {
    const { personId } = fidelityDebriefsRoute.useSearch();
    return <DebriefsPage key={personId ?? ""} {...(personId ? { personId } : {})} />;
  },
});

const fidelityDebriefRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/fidelity/debriefs/$observationId",
  component: function FidelityDebriefRoute() {
    const { observationId } = fidelityDebriefRoute.useParams();
    return <DebriefPage key={observationId} observationId={observationId} />;
  },
});

const fidelityCalibrationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/fidelity/calibration",
  component: CalibrationPage,
});

const fidelityCalibrationCaseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/fidelity/calibration/$caseId",
  component: function FidelityCalibrationCaseRoute() {
    const { caseId } = fidelityCalibrationCaseRoute.useParams();
    return <CalibrationCasePage key={caseId} caseId={caseId} />;
  },
});

const fidelityObserversRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/fidelity/observers",
  component: ObserversPage,
});

const fidelityImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/fidelity/import",
  component: HistoryImportPage,
});

const fidelityInstrumentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/fidelity/instruments",
  component: InstrumentsPage,
});

const fidelityInstrumentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/fidelity/instruments/$instrumentId",
  component: function FidelityInstrumentRoute() {
    const { instrumentId } = fidelityInstrumentRoute.useParams();
    return <InstrumentPage key={instrumentId} instrumentId={instrumentId} />;
  },
});

const adminRoute = createRoute({ getParentRoute: () => rootRoute, path: "/admin", component: AdminIndexPage });

const agencySettingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/agency",
  component: AgencySettingsPage,
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/audit",
  validateSearch: (raw) => ZAuditSearch.parse(raw),
  component: function AuditRoute() {
    const search = auditRoute.useSearch();
    const navigate = auditRoute.useNavigate();
    return <AuditLogPage search={search} onSearchChange={(next) => void navigate({ search: next })} />;
  },
});

const accountRoute = createRoute({ getParentRoute: () => rootRoute, path: "/account", component: AccountPage });

const routeTree = rootRoute.addChildren([
  homeRoute,
  organizationRoute,
  peopleRoute,
  newPersonRoute,
  rosterUploadRoute,
  rosterImportRoute,
  personRoute,
  partnersRoute,
  partnerOrganizationRoute,
  partnerPersonRoute,
  teamsRoute,
  teamRoute,
  modelRoute,
  modelsManageRoute,
  modelAdminRoute,
  modelCompareRoute,
  modelPrintRoute,
  focusRoute,
  coachingRoute,
  coachingProgramsRoute,
  coachingCoachesRoute,
  coachingCalendarRoute,
  coachingMatchRoute,
  coachingEngagementRoute,
  coachingSessionRoute,
  coachDevelopmentRoute,
  roundtablesRoute,
  rolloutPlansRoute,
  rolloutPlanRoute,
  trainingSessionsRoute,
  trainingSessionRoute,
  curriculaRoute,
  newCurriculumRoute,
  curriculumRoute,
  newTrainingSessionRoute,
  editTrainingSessionRoute,
  trainingSurveyResultsRoute,
  trainingSurveyInstrumentRoute,
  staffStatusRoute,
  deliveryChecksRoute,
  deliveryCheckRoute,
  fidelityRoute,
  fidelityObservationRoute,
  fidelityReliabilityRoute,
  fidelityDebriefsRoute,
  fidelityDebriefRoute,
  fidelityResultsRoute,
  fidelityCalibrationRoute,
  fidelityCalibrationCaseRoute,
  fidelityObserversRoute,
  fidelityImportRoute,
  fidelityInstrumentsRoute,
  fidelityInstrumentRoute,
  adminRoute,
  agencySettingsRoute,
  auditRoute,
  accountRoute,
]);

/**
 * Filters live in the address bar as plain `?key=value` pairs (not the router's default JSON
 * encoding), so links stay readable and can be shared or bookmarked.
 */
function parseSearch(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(text));
}

function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export const router = createRouter({
  routeTree,
  parseSearch,
  stringifySearch,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
