// Tạo mẫu: the unit (a list when the token's units are known, else code and name typed), the period,
// the reporter and the phone, then the template sheet.
import type { TextKey } from "../ui/text.ts";
import type { PaneState } from "./controller.ts";
import { h } from "./dom.ts";
import { ICONS } from "./icons.ts";
import { type Screen, type ScreenContext, viewHeader } from "./screen.ts";
import { button, draftInput, field, formActions, formCard, unitSelect } from "./widgets.ts";

type CreateDraft = { unitCode: string; unitName: string; period: string; reporter: string; phone: string };

export function createScreen(ctx: ScreenContext): Screen {
  const d: CreateDraft = { unitCode: "", unitName: "", period: "", reporter: "", phone: "" };
  const input = (name: keyof CreateDraft, opts: Parameters<typeof draftInput>[3] = {}) =>
    draftInput("create", d, name, opts);
  const labelled = (name: keyof CreateDraft, label: TextKey, control: HTMLElement, hint?: TextKey) =>
    field(`create-${name}`, ctx.tr(label), control, hint && ctx.tr(hint));

  const unitFields = (s: PaneState) => {
    const units = s.units;
    if (units && units.length > 0) {
      const pick = (code: string) => {
        d.unitCode = code;
        d.unitName = units.find((u) => u.code === code)?.name ?? "";
      };
      return field("create-unit", ctx.tr("fieldUnit"), unitSelect("create-unit", units, d.unitCode, pick));
    }
    return h(
      "div",
      { class: "field-row" },
      labelled("unitCode", "fieldUnitCode", input("unitCode", { placeholder: "SL.MAISON" })),
      labelled("unitName", "fieldUnitName", input("unitName")),
    );
  };

  const form = (s: PaneState) =>
    formCard(
      "create",
      () => void ctx.controller.createTemplate({ ...d }),
      ...viewHeader(ctx, "createTitle", ctx.tr("createHint")),
      unitFields(s),
      labelled("period", "fieldPeriod", input("period", { placeholder: "2023" }), "fieldPeriodHint"),
      h(
        "div",
        { class: "field-row" },
        labelled("reporter", "fieldReporter", input("reporter", { autocomplete: "name" })),
        labelled("phone", "fieldPhone", input("phone", { type: "tel", autocomplete: "tel" })),
      ),
      formActions(
        button({
          label: ctx.tr("actionCreateSheet"),
          icon: ICONS.create,
          primary: true,
          type: "submit",
          disabled: s.busy !== null,
          testid: "create-submit",
        }),
      ),
    );

  return {
    enter() {
      const defaults = ctx.controller.createDefaults();
      Object.assign(d, {
        unitCode: defaults.unitCode ?? "",
        unitName: defaults.unitName ?? "",
        period: defaults.period ?? "",
        reporter: "",
        phone: "",
      });
    },
    render(s) {
      // The token's units arrived after the form opened: the first (its own unit) is proposed.
      if (d.unitCode === "" && s.units?.[0]) {
        d.unitCode = s.units[0].code;
        d.unitName = s.units[0].name;
      }
      return [form(s)];
    },
  };
}
