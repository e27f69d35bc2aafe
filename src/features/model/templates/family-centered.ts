import type { TemplateData } from "./template-data.js";

/**
 * An example family-centered, culturally responsive practice model for child welfare work:
 * 8 elements and 23 practice behaviors, leadership behaviors for three levels, and a
 * three-level scale. Agencies are expected to reword it into their own model.
 */
export const FAMILY_CENTERED_TEMPLATE: TemplateData = {
  values: [
    {
      name: "Children belong with their families",
      description:
        "We work so children can grow up safely within their own families, kin and communities whenever possible.",
    },
    {
      name: "Families are the experts on their own lives",
      description:
        "Parents, youth and relatives know their history, needs and strengths better than we do, and we act on that.",
    },
    {
      name: "Culture is a source of strength",
      description:
        "A family's culture, language, faith and Tribal ties are protective, and we honor and build on them.",
    },
    {
      name: "We are accountable to the people we serve",
      description: "We do what we say, explain our decisions, and take responsibility when we get things wrong.",
    },
  ],
  elements: [
    {
      code: "ENG",
      name: "Engaging families",
      description: "Building a working relationship with every family member from the first contact onward.",
      behaviors: [
        {
          code: "ENG-1",
          shortName: "Explain who you are and why you are here",
          description:
            "At the first meeting, the worker states their role, the reason for the agency's involvement, what may happen next and what rights the family has, in plain language, and checks that it was understood.",
          pocketText: "Say who you are, why you came and what happens next, in plain words.",
        },
        {
          code: "ENG-2",
          shortName: "Listen to the family's own account",
          description:
            "The worker invites each family member to describe the situation in their own words, listens without interrupting, and reflects back what they heard before offering the agency's view.",
          pocketText: "Hear their story first; repeat back what you heard.",
        },
        {
          code: "ENG-3",
          shortName: "Stay in reliable contact",
          description:
            "The worker keeps scheduled visits and calls, returns messages promptly, and tells the family ahead of time when plans change.",
          pocketText: "Show up, call back, and warn them early when plans change.",
        },
      ],
    },
    {
      code: "TEAM",
      name: "Teaming with families, communities and Tribes",
      description: "Bringing together the people who matter to a child so decisions are made with them, not for them.",
      behaviors: [
        {
          code: "TEAM-1",
          shortName: "Build the team with the family",
          description:
            "The worker asks the family who supports them — relatives, friends, faith or community members — and invites those people onto the child's team with the family's agreement.",
          pocketText: "Ask who stands with them, and invite those people in.",
        },
        {
          code: "TEAM-2",
          shortName: "Involve the Tribe and community partners early",
          description:
            "As soon as a child may be a Tribal member or eligible for membership, the worker contacts the Tribe and brings its representatives, and relevant community partners, into planning from the start.",
          pocketText: "Ask about Tribal ties on day one; call the Tribe right away.",
        },
        {
          code: "TEAM-3",
          shortName: "Share decisions in team meetings",
          description:
            "The worker prepares the family before team meetings, makes sure every member can speak, and records decisions and who will do what.",
          pocketText: "Prepare the family, let every voice count, write down who does what.",
        },
      ],
    },
    {
      code: "ASSESS",
      name: "Assessing needs and strengths",
      description: "Understanding what is happening in a family, what keeps the child safe and what needs to change.",
      behaviors: [
        {
          code: "ASSESS-1",
          shortName: "Gather information from many sources",
          description:
            "The worker talks with family members, the child, relatives, schools, health providers and others who know the family, and weighs what each source offers.",
          pocketText: "Talk to everyone who knows the child, not just the file.",
        },
        {
          code: "ASSESS-2",
          shortName: "Name strengths alongside worries",
          description:
            "Every assessment states specific strengths and protective capacities of the family next to the safety concerns, with examples for each.",
          pocketText: "For every worry, find a real strength to name.",
        },
        {
          code: "ASSESS-3",
          shortName: "Reassess as circumstances change",
          description:
            "The worker revisits safety and needs whenever something important changes — a move, a new household member, a crisis — not only at set review dates.",
          pocketText: "When life changes, look at safety again.",
        },
      ],
    },
    {
      code: "PLAN",
      name: "Planning together",
      description: "Making plans with the family that they understand, believe in and can carry out.",
      behaviors: [
        {
          code: "PLAN-1",
          shortName: "Write the plan in the family's words",
          description:
            "Goals and steps are written in language the family uses and agrees with, so they can explain their own plan to someone else.",
          pocketText: "Use their words; they should be able to explain the plan.",
        },
        {
          code: "PLAN-2",
          shortName: "Break goals into small concrete steps",
          description:
            "The worker and family turn each goal into steps with a person responsible and a date, starting with something achievable soon.",
          pocketText: "Small steps, a name and a date for each.",
        },
        {
          code: "PLAN-3",
          shortName: "Agree on a backup plan",
          description:
            "The team talks openly about what will happen if the main plan does not work, and agrees on an alternative, so no one is surprised later.",
          pocketText: "Talk through plan B openly, before it is needed.",
        },
      ],
    },
    {
      code: "CONNECT",
      name: "Connecting to supports",
      description: "Linking families to services and informal help that fit what they actually need.",
      behaviors: [
        {
          code: "CONNECT-1",
          shortName: "Match services to needs",
          description:
            "Referrals follow from the assessment and the family's goals, and consider location, schedule, cost, language and culture rather than a standard list.",
          pocketText: "Refer to what fits this family, not the usual list.",
        },
        {
          code: "CONNECT-2",
          shortName: "Make warm handoffs",
          description:
            "The worker introduces the family to the provider personally or by joint call, shares what the family agreed to share, and helps with the first appointment.",
          pocketText: "Introduce them in person; help with the first appointment.",
        },
        {
          code: "CONNECT-3",
          shortName: "Check that the help is helping",
          description:
            "The worker asks the family and provider regularly whether a service is making a difference and changes course when it is not.",
          pocketText: "Ask: is this helping? If not, change it.",
        },
      ],
    },
    {
      code: "CULTURE",
      name: "Practicing cultural humility",
      description: "Approaching each family with curiosity about their culture and awareness of one's own assumptions.",
      behaviors: [
        {
          code: "CULTURE-1",
          shortName: "Ask about culture, identity and language",
          description:
            "The worker asks how the family describes its culture, identity, language and traditions and how these should shape the work together.",
          pocketText: "Ask how their culture should shape our work.",
        },
        {
          code: "CULTURE-2",
          shortName: "Notice your own assumptions",
          description:
            "The worker reflects, alone and in supervision, on how their own background and the agency's history may affect how they see the family.",
          pocketText: "Check your assumptions; bring them to supervision.",
        },
        {
          code: "CULTURE-3",
          shortName: "Communicate in the family's language",
          description:
            "The worker arranges qualified interpreters and translated documents whenever a family member prefers another language, and never relies on children to interpret.",
          pocketText: "Qualified interpreter every time; never a child.",
        },
      ],
    },
    {
      code: "TRANS",
      name: "Supporting transitions",
      description:
        "Helping children and families through moves, reunification and case closure with as little harm as possible.",
      behaviors: [
        {
          code: "TRANS-1",
          shortName: "Prepare everyone for a change",
          description:
            "Before a move or change in plan, the worker explains it to the child and family in terms they understand, answers questions and plans visits or introductions.",
          pocketText: "No surprises: explain changes early and answer questions.",
        },
        {
          code: "TRANS-2",
          shortName: "Keep children's connections",
          description:
            "When a child changes placement, the worker keeps sibling, parent, relative, school and community connections going and arranges contact quickly.",
          pocketText: "Protect ties to siblings, family, school and community.",
        },
        {
          code: "TRANS-3",
          shortName: "Close with lasting supports in place",
          description:
            "Before closing a case, the worker and family confirm which people and services will remain after the agency steps back and how to reach them.",
          pocketText: "Before closing, make sure their supports will stay.",
        },
      ],
    },
    {
      code: "ADV",
      name: "Advocating with and for families",
      description:
        "Using the worker's position to remove obstacles for families and to help them speak for themselves.",
      behaviors: [
        {
          code: "ADV-1",
          shortName: "Speak up when systems get in the way",
          description:
            "The worker raises barriers that families meet in housing, schools, courts or services with the people who can change them, and follows through.",
          pocketText: "When a system blocks them, raise it and follow through.",
        },
        {
          code: "ADV-2",
          shortName: "Help families speak for themselves",
          description:
            "The worker coaches family members to prepare for meetings and hearings, explains their options, and makes room for them to state their own views.",
          pocketText: "Coach them to say it in their own voice.",
        },
      ],
    },
  ],
  leadership: [
    {
      name: "Leading by example",
      behaviors: [
        {
          code: "LEAD-1",
          name: "Practice the model in your own work",
          variants: {
            supervisor:
              "Use the same engagement and teaming behaviors with your unit that you ask workers to use with families.",
            manager: "Run meetings with supervisors and partners in the collaborative way the model describes.",
            director: "Speak about the model in public and act on its values in agency decisions.",
          },
        },
        {
          code: "LEAD-2",
          name: "Coach to the practice behaviors",
          variants: {
            supervisor: "Refer to specific behaviors in every supervision session and observe practice in the field.",
            manager: "Make sure supervisors have time, training and support to coach.",
            director: "Fund and protect coaching as core work, not an extra.",
          },
        },
      ],
    },
    {
      name: "Building a learning culture",
      behaviors: [
        {
          code: "LEAD-3",
          name: "Learn from data and stories",
          variants: {
            supervisor: "Review your unit's practice data with the team and ask what it means for families.",
            manager: "Look for patterns across units and share what works.",
            director: "Set goals from fidelity and outcome data and report progress openly.",
          },
        },
        {
          code: "LEAD-4",
          name: "Make it safe to raise problems",
          variants: {
            supervisor: "Thank workers for raising mistakes and concerns, and solve them together.",
            manager: "Respond to barriers raised by units and tell them what was done.",
            director: "Invite feedback from staff, families and partners and act on it visibly.",
          },
        },
      ],
    },
    {
      name: "Clearing the way",
      behaviors: [
        {
          code: "LEAD-5",
          name: "Secure what the work needs",
          variants: {
            supervisor: "Escalate caseload, resource and scheduling barriers promptly.",
            manager: "Resolve barriers within your reach and pass the rest on with evidence.",
            director: "Align budget, policy and staffing with the model.",
          },
        },
        {
          code: "LEAD-6",
          name: "Partner with Tribes and communities",
          variants: {
            supervisor: "Know the community and Tribal partners your unit works with and keep in touch.",
            manager: "Hold regular meetings with partners about shared cases and services.",
            director: "Build formal agreements with Tribes and community organizations.",
          },
        },
      ],
    },
  ],
  scales: [
    {
      name: "Practice skill",
      levels: [
        {
          value: 1,
          label: "Emerging",
          anchor: "Shows the behavior occasionally or only with prompting; still learning when and how to use it.",
        },
        {
          value: 2,
          label: "Acquiring",
          anchor: "Shows the behavior in most situations that call for it, with some gaps in depth or consistency.",
        },
        {
          value: 3,
          label: "Accomplished",
          anchor:
            "Shows the behavior consistently and skillfully, adapts it to each family, and can teach it to others.",
        },
      ],
    },
  ],
};
