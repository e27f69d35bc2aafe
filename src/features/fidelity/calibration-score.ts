import { agreementStatistics } from "../../shared/agreement-statistics.js";
import { CALIBRATION_PASS_WITHIN_ONE, type CalibrationScore } from "./calibration.schema.js";

/**
 * An observer's calibration attempt against the reference: each measure is one pair (their
 * rating, the reference rating) on the instrument's scale. Measures missing on either side are
 * left out. Passing asks for most ratings within one level, not exact matches, because adjacent
 * levels of a behavioural scale are where trained observers legitimately differ.
 */
export function scoreCalibration(
  scale: readonly number[],
  ratings: readonly { measureCode: string; rating: number }[],
  reference: readonly { measureCode: string; rating: number }[],
): CalibrationScore {
  const referenceByCode = new Map(reference.map((r) => [r.measureCode, r.rating]));
  const pairs = ratings.flatMap((r) => {
    const second = referenceByCode.get(r.measureCode);
    return second === undefined ? [] : [{ first: r.rating, second }];
  });
  const statistics = agreementStatistics(scale, pairs);
  return {
    ...statistics,
    passed: statistics.withinOneAgreement !== null && statistics.withinOneAgreement >= CALIBRATION_PASS_WITHIN_ONE,
  };
}
