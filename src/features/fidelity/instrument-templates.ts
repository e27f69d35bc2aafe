import type { ModelContent } from "../model/model.schema.js";
import type { InstrumentContent } from "./fidelity.schema.js";

/**
 * The shipped example instrument: nine measures written in the project's own words, each tied to
 * elements of the family-centered practice model template by element code. When an agency creates
 * an instrument from it, the codes are looked up in the agency's model in use and stored as ids.
 */
const SCALE = [
  { value: 1, label: "Not yet seen" },
  { value: 2, label: "Emerging" },
  { value: 3, label: "Consistent" },
  { value: 4, label: "Exemplary" },
];

interface MeasureTemplate {
  code: string;
  name: string;
  description: string;
  elementCodes: string[];
  anchors: [string, string, string, string];
}

const NINE_MEASURES: MeasureTemplate[] = [
  {
    code: "M1",
    name: "Respectful welcome",
    description: "Staff open the meeting in a way that makes the family feel expected, respected and safe to speak.",
    elementCodes: ["ENG"],
    anchors: [
      "The family is not greeted or introduced, or the tone is dismissive.",
      "Introductions happen, but the purpose of the meeting is not explained in plain words.",
      "Everyone is introduced and the purpose and ground rules are explained plainly.",
      "The family helps set the agenda and the ground rules, and says they feel welcome.",
    ],
  },
  {
    code: "M2",
    name: "Family voice",
    description: "The family's own words, goals and priorities steer the conversation.",
    elementCodes: ["ENG", "PLAN"],
    anchors: [
      "Staff talk over or for the family.",
      "The family is asked for views, but decisions are already made.",
      "The family's views are asked for, reflected back and shape decisions.",
      "The family leads parts of the discussion and decisions follow their priorities.",
    ],
  },
  {
    code: "M3",
    name: "Natural supports at the table",
    description: "Relatives, friends, community and Tribal members the family chose are present and heard.",
    elementCodes: ["TEAM"],
    anchors: [
      "Only professionals take part, with no effort to include others.",
      "Supports were invited, but are present without a real role.",
      "Supports chosen by the family take part and their ideas are used.",
      "Supports hold specific roles in the plan that they agreed to.",
    ],
  },
  {
    code: "M4",
    name: "Strengths and needs understood together",
    description: "The team builds a shared picture of what is going well and what the child and family need.",
    elementCodes: ["ASSESS"],
    anchors: [
      "Only problems are discussed.",
      "Strengths are mentioned but do not connect to needs.",
      "Strengths and underlying needs are named and agreed with the family.",
      "The family's own explanation of their strengths and needs anchors the whole meeting.",
    ],
  },
  {
    code: "M5",
    name: "Safety discussed plainly",
    description: "Worries about safety are named honestly, with the family, in words everyone understands.",
    elementCodes: ["ASSESS", "PLAN"],
    anchors: [
      "Worries are hidden, vague or used as threats.",
      "Worries are named but in jargon, or without the family's response.",
      "Worries are stated plainly and the family responds to each.",
      "The family and team agree on what safe enough looks like and how they will know.",
    ],
  },
  {
    code: "M6",
    name: "A plan the family owns",
    description: "Next steps are concrete, shared, and the family would describe them as their own.",
    elementCodes: ["PLAN"],
    anchors: [
      "No plan, or a plan handed to the family.",
      "A plan with tasks for the family only.",
      "A plan with tasks and dates for everyone, agreed with the family.",
      "The family states the plan in their own words and knows who to call.",
    ],
  },
  {
    code: "M7",
    name: "Connection to community resources",
    description:
      "Staff link the family to services and community or Tribal resources that fit their culture and needs.",
    elementCodes: ["CONNECT"],
    anchors: [
      "No resources are discussed.",
      "A generic referral list is offered.",
      "Resources are matched to needs the family named.",
      "Resources are chosen with the family and warm hand-offs are arranged.",
    ],
  },
  {
    code: "M8",
    name: "Cultural humility",
    description: "Staff ask about and respect the family's culture, language, identity and history.",
    elementCodes: ["CULTURE"],
    anchors: [
      "Culture is ignored or stereotyped.",
      "Culture is asked about as a formality.",
      "Staff ask with curiosity and adjust how they work.",
      "Staff name their own assumptions and the family's culture shapes the plan.",
    ],
  },
  {
    code: "M9",
    name: "Advocacy and follow-through",
    description: "Staff speak up for what the family needs across systems and do what they said they would.",
    elementCodes: ["ADV", "TRANS"],
    anchors: [
      "Barriers are accepted or blamed on the family.",
      "Barriers are noted without action.",
      "Staff take on specific actions to remove barriers.",
      "Staff commit to actions, report back on earlier ones, and prepare the family for transitions.",
    ],
  },
];

export type InstrumentTemplate = "nine-measures" | "blank";

/** A template's content, linked to the given model version when there is one. */
export function instrumentTemplateContent(
  template: InstrumentTemplate,
  model: { modelId: string; versionNumber: number; content: ModelContent } | null,
): InstrumentContent {
  const elementIdByCode = new Map((model?.content.elements ?? []).map((element) => [element.code, element.id]));
  const measures =
    template === "blank"
      ? [{ code: "M1", name: "First measure", description: "", elementCodes: [], anchors: ["", "", "", ""] }]
      : NINE_MEASURES;
  return {
    modelId: model?.modelId ?? null,
    modelVersionNumber: model?.versionNumber ?? null,
    scale: SCALE,
    measures: measures.map((measure) => ({
      code: measure.code,
      name: measure.name,
      description: measure.description,
      elementIds: measure.elementCodes.flatMap((code) => {
        const elementId = elementIdByCode.get(code);
        return elementId ? [elementId] : [];
      }),
      anchors: SCALE.map((level, index) => ({ value: level.value, text: measure.anchors[index] ?? "" })),
    })),
    scoring: { threshold: 3, floor: 2 },
  };
}
