// The consolidation module's public surface (the Worker and the add-in import from here).
export {
  type ConsolidationInput,
  type CurrentReport,
  compareCodes,
  consolidate,
  consolidateUnit,
  type UnitNode,
} from "./consolidate.ts";
export { addThousands, fromThousands, ratePercent, round1, toThousands } from "./math.ts";
export { summarizeOwnReport, summarizeTargets } from "./targets.ts";
