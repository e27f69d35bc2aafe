/** Cache keys of the practice model pages; invalidating `all` refreshes every list, version and draft. */
export const modelKeys = {
  all: ["models"] as const,
  list: ["models", "list"] as const,
  model: (id: string) => ["models", "detail", id] as const,
  version: (id: string, number: number) => ["models", "version", id, number] as const,
  draft: (id: string) => ["models", "draft", id] as const,
  compare: (id: string, from: string, to: string) => ["models", "compare", id, from, to] as const,
  focusBoard: (month: string) => ["model-focus", "board", month] as const,
  myFocus: ["model-focus", "mine"] as const,
};
