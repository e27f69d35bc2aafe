import { createRootRoute, createRoute, createRouter } from "@tanstack/react-router";
import { AccountPage } from "../../../src/features/accounts/ui/account-page.js";
import { AgencySettingsPage } from "../../../src/features/agencies/ui/agency-settings-page.js";
import { AuditLogPage } from "../../../src/features/audit/ui/audit-log-page.js";
import { ZAuditSearch } from "../../../src/features/audit/ui/audit-search.js";
import { CoachingPage } from "../../../src/features/coaching/ui/coaching-page.js";
import { EngagementPage } from "../../../src/features/coaching/ui/engagement-page.js";
import { MatchPage } from "../../../src/features/coaching/ui/match-page.js";
import { SessionPage } from "../../../src/features/coaching/ui/session-page.js";
import { DebriefsPage } from "../../../src/features/fidelity/ui/debriefs-page.js";
import { FidelityPage } from "../../../src/features/fidelity/ui/fidelity-page.js";
import { ObservationPage } from "../../../src/features/fidelity/ui/observation-page.js";
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
import { DeliveryCheckPage, DeliveryChecksPage } from "../../../src/features/training/ui/delivery-check-pages.js";
import { RolloutPlanPage } from "../../../src/features/training/ui/rollout-plan-page.js";
import { RolloutPlansPage } from "../../../src/features/training/ui/rollout-plans-page.js";
import { StaffStatusPage } from "../../../src/features/training/ui/staff-status-page.js";
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
  component: () => <DebriefsPage />,
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
  coachingMatchRoute,
  coachingEngagementRoute,
  coachingSessionRoute,
  rolloutPlansRoute,
  rolloutPlanRoute,
  trainingSessionsRoute,
  trainingSessionRoute,
  staffStatusRoute,
  deliveryChecksRoute,
  deliveryCheckRoute,
  fidelityRoute,
  fidelityObservationRoute,
  fidelityReliabilityRoute,
  fidelityDebriefsRoute,
  fidelityResultsRoute,
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
