import type { SurveyItem } from "./survey.schema.js";

interface ElementLike {
  id: string;
  name: string;
}

/**
 * A starting instrument made from the model in use: for each element one confidence and one
 * competence item, then a short knowledge check about how the model is put into practice. The
 * right answers sit at different positions so guessing the first option does not pass.
 */
export function starterSurveyItems(elements: ElementLike[]): SurveyItem[] {
  const ratings = elements.flatMap((element): SurveyItem[] => [
    {
      id: `starter-confidence-${element.id}`,
      kind: "confidence",
      elementId: element.id,
      prompt: `How confident are you that you can practise "${element.name}" with the families you serve?`,
      options: [],
      correctOption: null,
    },
    {
      id: `starter-competence-${element.id}`,
      kind: "competence",
      elementId: element.id,
      prompt: `How well do you know what "${element.name}" looks like in day-to-day casework?`,
      options: [],
      correctOption: null,
    },
  ]);
  const knowledge: SurveyItem[] = [
    {
      id: "starter-knowledge-coaching",
      kind: "knowledge",
      elementId: null,
      prompt: "What is coaching after the training for?",
      options: [
        "Checking that everyone attended",
        "Trying the model's behaviors in real casework, with feedback",
        "Taking the place of supervision",
      ],
      correctOption: 1,
    },
    {
      id: "starter-knowledge-fidelity",
      kind: "knowledge",
      elementId: null,
      prompt: "What does a fidelity review look at?",
      options: [
        "How many cases a worker closed",
        "Whether forms were filed on time",
        "Whether everyday practice follows the model's behaviors",
      ],
      correctOption: 2,
    },
    {
      id: "starter-knowledge-audience",
      kind: "knowledge",
      elementId: null,
      prompt: "Whose work does the practice model guide?",
      options: [
        "Everyone who works with children and families, community partners included",
        "New social workers only",
        "Supervisors only",
      ],
      correctOption: 0,
    },
  ];
  const [first] = elements;
  if (first) {
    knowledge.push({
      id: "starter-knowledge-element",
      kind: "knowledge",
      elementId: null,
      prompt: "Which of these is an element of our practice model?",
      options: ["Budget forecasting", first.name, "Office scheduling"],
      correctOption: 1,
    });
  }
  return [...ratings, ...knowledge];
}
