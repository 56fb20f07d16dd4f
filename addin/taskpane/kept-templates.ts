// Templates fetched from the server, kept in the pane's storage for offline use: id@version for every
// version fetched (a sheet made from an older one is still checked with it) and id for the last fetched.

import { templateAnswer } from "../../shared/api/templates.ts";
import { checkSheet, type SheetCheck } from "../../shared/check.ts";
import type { Grid } from "../../shared/grid/types.ts";
import type { JsonStorage } from "../../shared/queue/storage.ts";
import { templateToLookUp } from "../../shared/template/sheet-template.ts";
import type { Template } from "../../shared/template/types.ts";

/** The key under which the fetched templates are kept: id@version → definition. */
const KEPT_TEMPLATES = "templates";

export class KeptTemplates {
  private readonly kept = new Map<string, Template>();

  constructor(private readonly store: JsonStorage | undefined) {}

  /** Fetched templates kept from an earlier session; a broken entry is dropped, never used. */
  async load(): Promise<void> {
    const stored = (await this.store?.get<Record<string, unknown>>(KEPT_TEMPLATES)) ?? {};
    for (const [key, value] of Object.entries(stored)) {
      const t = templateAnswer.safeParse(value);
      if (t.success) this.kept.set(key, t.data);
    }
  }

  /** `latest`: also the one a sheet naming no version, and Tạo mẫu offline, use. */
  async keep(template: Template, opts: { latest: boolean } = { latest: true }): Promise<void> {
    this.kept.set(`${template.id}@${template.version}`, template);
    if (opts.latest) this.kept.set(template.id, template);
    await this.store?.set(KEPT_TEMPLATES, Object.fromEntries(this.kept));
  }

  /** That version, or the last fetched when no version is asked. */
  get(id: string, version?: number): Template | undefined {
    return this.kept.get(version === undefined ? id : `${id}@${version}`);
  }

  /** A sheet whose "Mẫu:" names a fetched template (or an older version of one) is read with it. */
  check(grid: Grid): SheetCheck {
    const checked = checkSheet(grid);
    const want = templateToLookUp(checked.located.header, checked.located.template);
    const kept = want && this.get(want.id, want.version);
    return kept ? checkSheet(grid, { template: kept }) : checked;
  }
}
