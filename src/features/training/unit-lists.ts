/**
 * Unit lists as agencies write them in a rollout grid's cells. Kept apart from the file reader
 * (which needs a CSV parser built for Node) so the browser's grid editor can use them too.
 */

const MAX_UNITS_IN_A_RANGE = 200;

/**
 * The units a cell lists. `Units 1,2` → Unit 1, Unit 2; `Units 3-5` → Unit 3, Unit 4, Unit 5;
 * `Unit 7` → Unit 7; `Intake; Adoptions` → the named units. A blank cell lists none.
 */
export function parseUnitList(cell: string): { units: string[] } | { error: string } {
  const text = cell.trim();
  if (text === "") return { units: [] };
  const prefixed = /^units?\b\s*:?\s*/i.exec(text);
  const body = prefixed ? text.slice(prefixed[0].length) : text;
  if (body === "") return { error: `"${text}" names no unit numbers.` };
  const items = body.split(/\s*(?:,|;|&|\band\b)\s*/i);
  const units: string[] = [];
  for (const item of items) {
    if (item === "") return { error: `"${text}" has an empty item between separators.` };
    const range = /^(\d+)\s*[-–—]\s*(\d+)$/.exec(item);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to < from) return { error: `The range ${item} runs backwards; write it as ${to}-${from}.` };
      if (to - from + 1 > MAX_UNITS_IN_A_RANGE) return { error: `The range ${item} is too long to be real.` };
      for (let n = from; n <= to; n++) units.push(`Unit ${n}`);
    } else if (/^\d+$/.test(item)) {
      units.push(`Unit ${Number(item)}`);
    } else if (prefixed) {
      return { error: `"${item}" in "${text}" is not a unit number or a range like 3-5.` };
    } else {
      units.push(item);
    }
  }
  return { units };
}

/**
 * The cell text for a list of units, as agencies write it: `Unit 7`, `Units 1,2`, `Units 3-5`.
 * Named units are joined with semicolons. Reading the result back gives the same list.
 */
export function formatUnitList(labels: string[]): string {
  const numbers = labels
    .map((label) => /^Unit (\d+)$/.exec(label)?.[1])
    .map((n) => (n === undefined ? null : Number(n)));
  if (labels.length === 0) return "";
  if (numbers.some((n) => n === null)) return labels.join("; ");
  const parts: string[] = [];
  let start = 0;
  const values = numbers as number[];
  for (let i = 1; i <= values.length; i++) {
    if (i < values.length && values[i] === (values[i - 1] as number) + 1) continue;
    const from = values[start] as number;
    const to = values[i - 1] as number;
    if (to - from >= 2) parts.push(`${from}-${to}`);
    else for (let n = from; n <= to; n++) parts.push(String(n));
    start = i;
  }
  return `${labels.length === 1 ? "Unit" : "Units"} ${parts.join(",")}`;
}
