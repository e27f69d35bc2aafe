/**
 * Which org unit a plan's unit label means. A region row such as `Wexler County/ Region 1`
 * names the region whose name appears in it as whole words (the longest such name wins); a
 * unit label such as `Unit 3` names the one unit under that region whose name is the label or
 * ends with it (`Region 1 Unit 3`). Anything unclear stays unlinked for a person to link.
 */

export interface OrgUnitForLinking {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  retired: boolean;
}

const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const containsWords = (text: string, words: string) =>
  new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(words)}($|[^\\p{L}\\p{N}])`, "u").test(text);

export function createOrgUnitMatcher(orgUnits: OrgUnitForLinking[]) {
  const active = orgUnits.filter((u) => !u.retired);
  const byId = new Map(active.map((u) => [u.id, u]));
  const isUnder = (unit: OrgUnitForLinking, ancestorId: string) => {
    for (let at = unit.parentId; at; at = byId.get(at)?.parentId ?? null) if (at === ancestorId) return true;
    return false;
  };

  function regionFor(regionLabel: string): OrgUnitForLinking | null {
    const label = normalize(regionLabel);
    const candidates = active
      .filter((u) => u.kind !== "unit" && u.parentId !== null && containsWords(label, normalize(u.name)))
      .sort((a, b) => b.name.length - a.name.length);
    return candidates[0] ?? null;
  }

  return function orgUnitFor(regionLabel: string, unitLabel: string): string | null {
    const region = regionFor(regionLabel);
    const label = normalize(unitLabel);
    const candidates = active.filter((u) => {
      if (u.kind !== "unit" || (region && !isUnder(u, region.id))) return false;
      const name = normalize(u.name);
      return name === label || name.endsWith(` ${label}`);
    });
    return candidates.length === 1 ? (candidates[0] as OrgUnitForLinking).id : null;
  };
}
