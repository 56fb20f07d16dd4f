/// <reference types="office-js" />
// Click an issue in the pane → its cell is selected. The sheet is activated first, in the same batch:
// whether select() alone switches sheets is unconfirmed (facts §10).

export async function selectCell(
  ctx: Excel.RequestContext,
  sheetName: string,
  address: string,
): Promise<void> {
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(address).select();
  await ctx.sync();
}
