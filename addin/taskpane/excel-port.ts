// What the pane needs from Excel, in the pane's own words. The real implementation binds the adapter
// (addin/excel) to a `run` function (Excel.run inside Office, the in-memory fake in tests and e2e); the
// controller sees only this interface, so it never touches the Excel API.
import type { Grid } from "../../shared/grid/types.ts";
import type { CellMark, SheetPlan } from "../../shared/plans/types.ts";

export interface CellFix {
  address: string;
  value: number | string | null;
}

export interface ExcelPort {
  /** Renders a plan as a sheet in one batch and activates it; resolves with the sheet's name. */
  render(plan: SheetPlan): Promise<string>;
  /**
   * Reads `sheet` (the active sheet when undefined) in one batch, hands the grid to `check`, and writes
   * the marks it returns in one batch, clearing the marks of the previous run. Resolves with what
   * `check` returned.
   */
  validate<T>(sheet: string | undefined, check: (grid: Grid) => { marks: CellMark[]; result: T }): Promise<T>;
  /** Renders several plans' sheets in ONE write batch (one sync), activates the first; their names. */
  renderAll(plans: readonly SheetPlan[]): Promise<string[]>;
  /**
   * Every sheet's name with what an earlier pull wrote there (the workbook property of
   * `pulledSheetKey`), null for the user's own sheets. One read batch (one sync).
   */
  pulledSheets(): Promise<Map<string, string | null>>;
  /** Writes every fix in one batch. */
  applyFixes(sheet: string, fixes: CellFix[]): Promise<void>;
  /** Activates the sheet and selects the cell. */
  select(sheet: string, address: string): Promise<void>;
  /**
   * The workbook's sheet names, so Tạo mẫu never renders over a filled report (render replaces a sheet of
   * the same name). Optional: without it the controller names new templates as the plan does.
   */
  sheetNames?(): Promise<string[]>;
  /** The selected cell (the first of a range), for a reviewer's comment on it; undefined if none. */
  selectedCell?(): Promise<{ sheet: string; address: string } | undefined>;
  /** Calls `handler` with the sheet's name whenever a user (not the add-in) changes a cell. */
  onChanged(handler: (sheet: string) => void): Promise<() => Promise<void>>;
}
