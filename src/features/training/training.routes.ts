import type { App } from "../../server/http-types.js";
import { registerCurriculumRoutes } from "./curriculum.routes.js";
import { registerDeliveryCheckRoutes } from "./delivery-check.routes.js";
import { registerNudgeRoutes } from "./nudge.routes.js";
import { registerRolloutPlanRoutes } from "./rollout-plan.routes.js";
import { registerSessionRoutes } from "./session.routes.js";
import { registerSurveyRoutes } from "./survey.routes.js";

/** Every training route, registered by the app in one call. */
export function registerTrainingRoutes(app: App) {
  registerRolloutPlanRoutes(app);
  registerCurriculumRoutes(app);
  registerSessionRoutes(app);
  registerSurveyRoutes(app);
  registerDeliveryCheckRoutes(app);
  registerNudgeRoutes(app);
}
