/// <reference types="office-js" />
// The reviewer's "comment on the selected cell": which sheet and cell the user has selected.
// getSelectedRange throws InvalidSelection for several areas (facts: fake.test.ts); then nothing.

export async function selectedCell(
  ctx: Excel.RequestContext,
): Promise<{ sheet: string; address: string } | undefined> {
  try {
    const range = ctx.workbook.getSelectedRange();
    range.load("address");
    const sheet = range.worksheet;
    sheet.load("name");
    await ctx.sync();
    // "'Duyệt SL.MAISON 2026'!F12:F13" → its first cell.
    const local = range.address.slice(range.address.lastIndexOf("!") + 1).split(":")[0] ?? "";
    return { sheet: sheet.name, address: local.replace(/\$/g, "") };
  } catch {
    return undefined;
  }
}
