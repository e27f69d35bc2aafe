import type { App } from "../../server/http-types.js";
import { registerModelReferenceSource } from "../model/model-references.js";
import { registerCurriculumRoutes } from "./curriculum.routes.js";
import { countTrainingRecordsReferencingModelItems } from "./curriculum.service.js";
import { registerDeliveryCheckRoutes } from "./delivery-check.routes.js";
import { registerNudgeRoutes } from "./nudge.routes.js";
import { registerRolloutPlanRoutes } from "./rollout-plan.routes.js";
import { registerSessionRoutes } from "./session.routes.js";

/** Every training route, registered by the app in one call. */
export function registerTrainingRoutes(app: App) {
  // Curriculum modules name the elements and behaviors they teach.
  registerModelReferenceSource("training", async (db, agencyId, modelId, itemIds) => ({
    label: "training modules",
    count: await countTrainingRecordsReferencingModelItems(db, agencyId, modelId, itemIds),
  }));
  registerRolloutPlanRoutes(app);
  registerCurriculumRoutes(app);
  registerSessionRoutes(app);
  registerDeliveryCheckRoutes(app);
  registerNudgeRoutes(app);
}
