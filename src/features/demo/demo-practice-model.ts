import type { Db } from "../../db/types.js";
import { insertDraft, insertModel, publishDraft } from "../model/model.repo.js";
import { templateContent } from "../model/templates/index.js";

/**
 * The demo agency's practice model: the family-centered template, published as version 1, so
 * everything that refers to elements and behaviors has a model to point at.
 */
export async function seedDemoPracticeModel(db: Db, agencyId: string, publisherUserId: string): Promise<string> {
  const modelId = await insertModel(db, agencyId, {
    name: "Wexler County Practice Model",
    description: "How we work with children, families, communities and Tribes.",
  });
  const draftId = await insertDraft(db, agencyId, modelId, JSON.stringify(templateContent("family-centered")));
  await publishDraft(db, agencyId, draftId, { number: 1, version: 1, userId: publisherUserId });
  return modelId;
}
