import type { TemplateData } from "./template-data.js";

/**
 * A "core practice" style model: four foundational behaviors that apply to every contact,
 * followed by the casework elements in the order a case usually moves through them.
 */
export const CORE_PRACTICE_TEMPLATE: TemplateData = {
  values: [
    { name: "Safety", description: "Children are protected from harm while we work with their families." },
    { name: "Respect", description: "Everyone we work with is treated with dignity, whatever the circumstances." },
  ],
  elements: [
    {
      code: "FOUND",
      name: "Foundational behaviors",
      description: "How we show up in every conversation, with families, partners and colleagues alike.",
      behaviors: [
        {
          code: "F-CLEAR",
          shortName: "Clear",
          description:
            "Explains purpose, expectations and decisions in plain language and checks that they were understood.",
          pocketText: "Plain words; check understanding.",
        },
        {
          code: "F-HONEST",
          shortName: "Open and honest",
          description:
            "Shares concerns and the reasons for them directly, including difficult news, without hiding or softening the facts.",
          pocketText: "Say the hard thing, and say why.",
        },
        {
          code: "F-RESPECT",
          shortName: "Respectful",
          description:
            "Listens fully, values the other person's view and treats their time, home and culture with care.",
          pocketText: "Listen fully; honor their time, home and culture.",
        },
        {
          code: "F-ACCOUNT",
          shortName: "Accountable",
          description: "Follows through on commitments, explains when something could not be done, and owns mistakes.",
          pocketText: "Do what you said; own what you missed.",
        },
      ],
    },
    {
      code: "ENGAGE",
      name: "Engagement",
      description: "Forming a working relationship with the family around the child's safety and well-being.",
      behaviors: [
        {
          code: "C-ENG-1",
          shortName: "Find common ground",
          description: "Identifies what the family wants for the child and connects the agency's concerns to it.",
          pocketText: "Start from what they want for their child.",
        },
      ],
    },
    {
      code: "ASSESS",
      name: "Assessment",
      description: "Understanding safety, risk, needs and strengths well enough to act on them.",
      behaviors: [
        {
          code: "C-ASM-1",
          shortName: "Look beneath the incident",
          description: "Explores the conditions behind the reported concern, not only the event itself.",
          pocketText: "Ask what led up to it, not just what happened.",
        },
      ],
    },
    {
      code: "TEAMING",
      name: "Teaming",
      description: "Working with the family's network and the professionals involved as one team.",
      behaviors: [
        {
          code: "C-TEAM-1",
          shortName: "Share information across the team",
          description: "Keeps every team member informed of changes and decisions that affect their part.",
          pocketText: "Keep the whole team in the loop.",
        },
      ],
    },
    {
      code: "PLANNING",
      name: "Planning",
      description: "Agreeing on what will change, how, and how everyone will know.",
      behaviors: [
        {
          code: "C-PLAN-1",
          shortName: "Set measurable goals",
          description:
            "Writes goals that describe observable changes, so the family and team can tell when they are met.",
          pocketText: "Goals you can see and count.",
        },
      ],
    },
    {
      code: "IMPLEMENT",
      name: "Implementation",
      description: "Carrying out the plan and adjusting it as the family's situation develops.",
      behaviors: [
        {
          code: "C-IMP-1",
          shortName: "Track progress with the family",
          description: "Reviews progress on each step with the family at every visit and adjusts the plan together.",
          pocketText: "Review each step together at every visit.",
        },
      ],
    },
    {
      code: "TRANSITION",
      name: "Transitions",
      description: "Moving through placement changes, reunification and closure with continuity for the child.",
      behaviors: [
        {
          code: "C-TRN-1",
          shortName: "Plan each transition ahead",
          description:
            "Prepares the child, family and caregivers for every change and keeps important relationships intact.",
          pocketText: "Prepare everyone; keep the child's ties.",
        },
      ],
    },
  ],
  leadership: [
    {
      name: "Supporting core practice",
      behaviors: [
        {
          code: "L-MODEL",
          name: "Model the foundational behaviors",
          variants: {
            supervisor: "Be clear, honest, respectful and accountable in supervision.",
            manager: "Hold supervisors to the foundational behaviors and show them yourself.",
            director: "Make the foundational behaviors part of how the agency is run and judged.",
          },
        },
      ],
    },
  ],
  scales: [
    {
      name: "Core practice rating",
      levels: [
        {
          value: 1,
          label: "Unacceptable",
          anchor: "The behavior is absent or its opposite is shown; it needs immediate attention.",
        },
        {
          value: 2,
          label: "Developmental",
          anchor: "The behavior is shown in part or inconsistently; coaching is needed.",
        },
        {
          value: 3,
          label: "Expected",
          anchor: "The behavior is shown fully and consistently, as the model describes.",
        },
      ],
    },
  ],
};
