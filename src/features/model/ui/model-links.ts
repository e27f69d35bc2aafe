/** Server addresses the pages link to directly (downloads), so they are spelled in one place. */
export const exportUrl = (modelId: string, number: number) => `/api/models/${modelId}/versions/${number}/export`;

export function bookletPdfUrl(
  modelId: string,
  number: number,
  printout: { kind: "booklet" } | { kind: "element"; elementId: string } | { kind: "leadership"; level: string },
) {
  const query = new URLSearchParams(Object.entries(printout));
  return `/api/models/${modelId}/versions/${number}/booklet.pdf?${query.toString()}`;
}
