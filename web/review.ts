// The "Duyệt / Review" cell of a unit's row in "Tình hình nộp". Review (accept, return with comments)
// belongs to issue 17: once the API has it, this function returns the unit's review state and its two
// buttons; the table, its header and the phone layout already make room for them.
import type { UnitStatusRow } from "../shared/status/unit-status.ts";
import type { AppContext } from "./state.ts";

export function reviewCell(_ctx: AppContext, _row: UnitStatusRow): Node | string {
  return "—";
}
