import { z } from "zod";

export const ORG_UNIT_KINDS = ["agency", "division", "region", "office", "unit"] as const;
export const ZOrgUnitKind = z.enum(ORG_UNIT_KINDS);

export const ZOrgUnitNode = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  kind: ZOrgUnitKind,
  retired: z.boolean(),
  /** Active people placed directly in this node. */
  directHeadCount: z.number().int(),
  /** Active people in this node and everything below it. */
  headCount: z.number().int(),
  version: z.number().int(),
});
export type OrgUnitNode = z.infer<typeof ZOrgUnitNode>;

export const ZOrgUnit = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  retiredAt: z.string().nullable(),
  version: z.number().int(),
});

export const ZOrgTree = z.object({ units: z.array(ZOrgUnitNode) });

const ZUnitName = z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters.");

export const ZOrgUnitCreate = z.object({
  parentId: z.string().min(1, "Choose where the new unit sits."),
  name: ZUnitName,
  kind: ZOrgUnitKind.exclude(["agency"]),
});

export const ZOrgUnitRename = z.object({ name: ZUnitName, version: z.number().int().positive() });

export const ZOrgUnitMove = z.object({
  parentId: z.string().min(1, "Choose the new parent."),
  version: z.number().int().positive(),
});

export const ZOrgUnitRetire = z.object({
  retired: z.boolean().describe("true retires the unit (it keeps its history); false brings it back"),
  version: z.number().int().positive(),
});
