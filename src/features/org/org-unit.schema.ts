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
});
export type OrgUnitNode = z.infer<typeof ZOrgUnitNode>;

export const ZOrgTree = z.object({ units: z.array(ZOrgUnitNode) });
