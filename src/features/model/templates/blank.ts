import type { TemplateData } from "./template-data.js";

/** An empty model with one scale to start from, since every model needs a way to rate. */
export const BLANK_TEMPLATE: TemplateData = {
  values: [],
  elements: [],
  leadership: [],
  scales: [
    {
      name: "Practice rating",
      levels: [
        { value: 1, label: "Not yet", anchor: "The behavior was not seen, or was seen only with a lot of help." },
        {
          value: 2,
          label: "Sometimes",
          anchor: "The behavior was seen in part or in some of the situations that called for it.",
        },
        {
          value: 3,
          label: "Consistently",
          anchor: "The behavior was seen fully, in the situations that called for it.",
        },
      ],
    },
  ],
};
