import { useQuery } from "@tanstack/react-query";
import { Link, type LinkProps } from "@tanstack/react-router";
import { api } from "../../../../web/src/api/api-client.js";
import { queryKeys } from "../../../../web/src/api/query-keys.js";
import { hourIn } from "../../../../web/src/app/format.js";
import { useSession } from "../../../../web/src/app/session.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import type { SessionInfo } from "../../accounts/auth.schema.js";
import { MyFocusSection } from "../../model-focus/ui/my-focus-section.js";
import { SurveysWaitingNotice } from "../../training/ui/surveys-waiting-notice.js";
import { TrainingNudgeNotice } from "../../training/ui/training-nudge-notice.js";
import { type Home, ZHome } from "../home.schema.js";

interface NextStep {
  title: string;
  description: string;
  link: LinkProps;
}

function greeting(timeZone: string): string {
  const hour = hourIn(timeZone);
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

const INTROS: Record<Home["focus"], (home: Home) => string> = {
  admin: (home) => `You look after Cascade for ${home.agencyName}: its people, its settings and its audit trail.`,
  leader: () => "Here is the part of the agency you lead, and where to look next.",
  supervisor: (home) =>
    home.ownUnitName ? `Here is your unit, ${home.ownUnitName}, at a glance.` : "Here is your unit at a glance.",
  implementation: (home) => `You help ${home.agencyName} put its practice model into everyday work.`,
  staff: () => "Your record and your account are a click away.",
  partner: (home) =>
    `${home.agencyName} will share summaries of its practice model work with you here as they become available.`,
};

function nextStepsFor(home: Home, session: SessionInfo): NextStep[] {
  const ownRecord: NextStep | null = session.user.personId
    ? {
        title: "Open your own record",
        description: "Check your details, your unit and who you report to.",
        link: { to: "/people/$personId", params: { personId: session.user.personId } },
      }
    : null;
  const organization: NextStep = {
    title: "See the organization",
    description: "Regions, offices and units, with how many people work in each.",
    link: { to: "/organization" },
  };
  const account: NextStep = session.user.totpEnabled
    ? {
        title: "Manage your account",
        description: "Change your password or your two-factor sign-in.",
        link: { to: "/account" },
      }
    : {
        title: "Turn on two-factor sign-in",
        description: "Protect your account with a code from your phone. It takes two minutes.",
        link: { to: "/account" },
      };

  const steps: (NextStep | null)[] = (() => {
    switch (home.focus) {
      case "admin":
        return [
          {
            title: "Find a person",
            description: "Look up anyone in the agency and correct their details.",
            link: { to: "/people" },
          },
          {
            title: "Review agency settings",
            description: "The agency's name, time zone and whether two-factor sign-in is required.",
            link: { to: "/admin/agency" },
          },
          {
            title: "Check the audit log",
            description: "Who changed what, and when: every change is recorded.",
            link: { to: "/admin/audit" },
          },
        ];
      case "leader":
        return [
          organization,
          {
            title: "See your people",
            description: "Everyone in the part of the agency you lead.",
            link: { to: "/people" },
          },
          ownRecord,
        ];
      case "supervisor":
        return [
          {
            title: "See your unit's people",
            description: "Your team, their roles and hire dates.",
            link: { to: "/people" },
          },
          ownRecord,
          organization,
        ];
      case "implementation":
        return [
          organization,
          { title: "Find a person", description: "Look up anyone in the agency.", link: { to: "/people" } },
          ownRecord,
        ];
      case "staff":
        return [ownRecord, account, organization];
      case "partner":
        return [account];
    }
  })();
  return steps.filter((step): step is NextStep => step !== null).slice(0, 3);
}

export function HomePage() {
  const { session } = useSession();
  const home = useQuery({ queryKey: queryKeys.home, queryFn: () => api.get("/api/home", ZHome) });
  const title = `${greeting(session.agency.timeZone)}, ${session.user.displayName}`;
  if (home.isPending) return <Loading what="your home page" />;
  if (home.isError) return <LoadError error={home.error} what="your home page" />;

  const facts: { label: string; value: string | number }[] = [];
  // Staff see only their own record, so a count of one would say nothing.
  const countsPeople = home.data.focus !== "staff" && home.data.focus !== "partner";
  if (countsPeople && home.data.peopleInScope !== null)
    facts.push({ label: "People you can see", value: home.data.peopleInScope });
  if (home.data.unitsInAgency !== null) facts.push({ label: "Social work units", value: home.data.unitsInAgency });
  if (home.data.ownUnitName) facts.push({ label: "Your unit", value: home.data.ownUnitName });

  return (
    <>
      <PageHeader title={title} intro={INTROS[home.data.focus](home.data)} />
      {home.data.trainingNudge ? <TrainingNudgeNotice nudge={home.data.trainingNudge} /> : null}
      {home.data.trainingSurveysWaiting > 0 ? <SurveysWaitingNotice count={home.data.trainingSurveysWaiting} /> : null}
      {facts.length > 0 ? (
        <section aria-labelledby="facts-heading">
          <h2 id="facts-heading" className="visually-hidden">
            At a glance
          </h2>
          <dl className="facts">
            {facts.map((fact) => (
              <div key={fact.label} className="fact">
                <dt>{fact.label}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <MyFocusSection />
      <section aria-labelledby="next-steps-heading">
        <h2 id="next-steps-heading">What you can do next</h2>
        <ul className="next-steps">
          {nextStepsFor(home.data, session).map((step) => (
            <li key={step.title}>
              <Link {...step.link} className="next-step">
                <span className="next-step-title">{step.title}</span>
                <span className="next-step-description">{step.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
