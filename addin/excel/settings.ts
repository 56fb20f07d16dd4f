/// <reference types="office-js" />
// What the workbook remembers about itself: the template id and version, stored both as custom
// document properties (plain file metadata other tools can read, facts §7) and as add-in settings.
// Reads prefer the custom property and fall back to the setting.

/** Keys used by shared/plans/template-sheet.ts `properties`. */
export const TEMPLATE_ID_KEY = "baocao.template";
export const TEMPLATE_VERSION_KEY = "baocao.version";

/** Queues writes of every property to both stores (no sync). Custom properties hold at most 255 characters. */
export function queueWorkbookProperties(ctx: Excel.RequestContext, properties: Record<string, string>): void {
  for (const [key, value] of Object.entries(properties)) {
    if (key.length > 255 || value.length > 255) {
      throw new RangeError(`workbook property ${key} is longer than 255 characters (Excel truncates it)`);
    }
  }
  for (const [key, value] of Object.entries(properties)) {
    ctx.workbook.properties.custom.add(key, value);
    ctx.workbook.settings.add(key, value);
  }
}

export async function writeWorkbookProperties(ctx: Excel.RequestContext, properties: Record<string, string>) {
  queueWorkbookProperties(ctx, properties);
  await ctx.sync();
}

/** Reads the given keys in one sync; a key found in neither store is absent from the result. */
export async function readWorkbookProperties(
  ctx: Excel.RequestContext,
  keys: readonly string[],
): Promise<Record<string, string>> {
  const loaded = keys.map((key) => {
    const custom = ctx.workbook.properties.custom.getItemOrNullObject(key);
    custom.load("value");
    const setting = ctx.workbook.settings.getItemOrNullObject(key);
    setting.load("value");
    return { key, custom, setting };
  });
  await ctx.sync();
  const out: Record<string, string> = {};
  for (const { key, custom, setting } of loaded) {
    const value: unknown = !custom.isNullObject
      ? custom.value
      : !setting.isNullObject
        ? setting.value
        : undefined;
    if (typeof value === "string") out[key] = value;
    else if (typeof value === "number" || typeof value === "boolean") out[key] = String(value);
  }
  return out;
}

export interface TemplateInfo {
  id: string;
  version: number;
}

/** The template the workbook was made from, or null when it does not say. One sync. */
export async function readTemplateInfo(ctx: Excel.RequestContext): Promise<TemplateInfo | null> {
  const props = await readWorkbookProperties(ctx, [TEMPLATE_ID_KEY, TEMPLATE_VERSION_KEY]);
  const id = props[TEMPLATE_ID_KEY];
  const version = Number(props[TEMPLATE_VERSION_KEY]);
  if (id === undefined || id === "" || !Number.isInteger(version)) return null;
  return { id, version };
}

export async function writeTemplateInfo(ctx: Excel.RequestContext, info: TemplateInfo): Promise<void> {
  await writeWorkbookProperties(ctx, {
    [TEMPLATE_ID_KEY]: info.id,
    [TEMPLATE_VERSION_KEY]: String(info.version),
  });
}
