// Lấy tổng hợp: the form (unit of the period's tree, period, compared period) and the card of the last
// pull with its reporting bar.
import { PERIOD_RE } from "../../shared/api/schemas.ts";
import { samePeriodYearBefore } from "../../shared/consolidation/compared-period.ts";
import type { Lang } from "../ui/text.ts";
import type { PaneState, PulledView } from "./controller.ts";
import { h } from "./dom.ts";
import { ICONS } from "./icons.ts";
import { type Screen, type ScreenContext, viewHeader } from "./screen.ts";
import {
  button,
  cardHeader,
  field,
  formActions,
  formCard,
  kvList,
  kvRow,
  textInput,
  unitSelect,
} from "./widgets.ts";

/** Quiet time after the last keystroke in the pull form's period before its units are loaded. */
const PERIOD_SETTLE_MS = 600;

/** `compare` null: follow the period (the same period a year earlier) until the user types one. */
interface PullDraft {
  unit: string;
  period: string;
  compare: string | null;
}

/** The compare field's value: what the user typed, else the same period a year earlier. */
function compareOf(d: PullDraft): string {
  return d.compare ?? samePeriodYearBefore(d.period) ?? "";
}

export function pullScreen(ctx: ScreenContext): Screen {
  const d: PullDraft = { unit: "", period: "", compare: null };
  let periodTimer: ReturnType<typeof setTimeout> | undefined;

  /** The period: typing moves the proposed comparison along and, once it settles, loads its units. */
  const periodInput = () =>
    textInput({
      id: "pull-period",
      name: "period",
      value: d.period,
      placeholder: "2026",
      onInput: (value) => {
        d.period = value;
        const compare = document.getElementById("pull-compare") as HTMLInputElement | null;
        if (compare && d.compare === null) compare.value = compareOf(d);
        // Once typing stops on a valid period, list that period's units (not on blur: a re-render
        // while the pointer is on "Lấy tổng hợp" would swallow the click).
        clearTimeout(periodTimer);
        periodTimer = setTimeout(() => {
          const p = d.period.trim();
          if (PERIOD_RE.test(p) && p !== ctx.controller.state.unitsPeriod) void ctx.controller.loadUnits(p);
        }, PERIOD_SETTLE_MS);
      },
    });
  const compareInput = () =>
    textInput({
      id: "pull-compare",
      name: "compare",
      value: compareOf(d),
      placeholder: "2025",
      onInput: (value) => {
        d.compare = value;
      },
    });

  const form = (s: PaneState) => {
    const units = s.units;
    const busy = s.busy !== null;
    return formCard(
      "pull",
      () => {
        if (d.unit) void ctx.controller.pull(d.unit, d.period, compareOf(d));
      },
      ...viewHeader(ctx, "pullTitle", ctx.tr("pullHint")),
      units && units.length > 0
        ? field(
            "pull-unit",
            ctx.tr("fieldUnit"),
            unitSelect("pull-unit", units, d.unit, (code) => {
              d.unit = code;
            }),
          )
        : h("p", { class: "card-note" }, ctx.tr("pullNoUnits")),
      field("pull-period", ctx.tr("fieldPeriod"), periodInput(), ctx.tr("fieldPeriodHint")),
      field("pull-compare", ctx.tr("fieldCompare"), compareInput(), ctx.tr("fieldCompareHint")),
      formActions(
        button({
          label: ctx.tr("actionReloadUnits"),
          icon: ICONS.retry,
          type: "button",
          disabled: busy,
          onClick: () => void ctx.controller.loadUnits(d.period),
        }),
        button({
          label: ctx.tr("actionPullSheet"),
          icon: ICONS.pull,
          primary: true,
          type: "submit",
          disabled: busy || !units?.length,
          testid: "pull-submit",
        }),
      ),
    );
  };

  return {
    enter(s) {
      d.unit = s.settings.pull?.unit ?? s.units?.[0]?.code ?? "";
      d.period = ctx.controller.pullDefaults().period;
      d.compare = null;
    },
    render(s) {
      // A unit the chosen period's tree does not hold (a district ended in 2025) gives way to the first.
      if (s.units?.[0] && !s.units.some((u) => u.code === d.unit)) d.unit = s.units[0].code;
      return [form(s), s.pulled ? pulledCard(ctx, s.pulled, s.lang) : null];
    },
  };
}

/** Reported on time / late / missing as one bar: the picture of the pull, with its words beside it. */
function reportingBar(ctx: ScreenContext, p: PulledView): HTMLElement {
  const missing = Math.max(0, p.expected - p.submitted);
  const onTime = Math.max(0, p.submitted - p.lateCount);
  const pct = (n: number) => (p.expected > 0 ? `${((n / p.expected) * 100).toFixed(1)}%` : "0%");
  const label = ctx.tr("pulledBar", { onTime, late: p.lateCount, missing, expected: p.expected });
  const part = (cls: string, n: number) =>
    n > 0 ? h("div", { class: `reporting-bar-part ${cls}`, styleWidth: pct(n), title: String(n) }) : null;
  return h(
    "div",
    { class: "reporting-bar-block" },
    h(
      "div",
      { class: "reporting-bar", role: "img", aria: { label }, data: { testid: "pulled-bar" } },
      part("bar-on-time", onTime),
      part("bar-late", p.lateCount),
      part("bar-missing", missing),
    ),
    h("div", { class: "reporting-bar-legend" }, label),
  );
}

function pulledCard(ctx: ScreenContext, p: PulledView, lang: Lang): HTMLElement {
  const names = (list: string[]) => (list.length ? list.join("; ") : ctx.tr("pulledNone"));
  const submitted = ctx.tr("pulledSubmittedValue", { submitted: p.submitted, expected: p.expected });
  return h(
    "section",
    { class: "card card-success", data: { testid: "pulled" } },
    cardHeader(ICONS.pull, ctx.tr("pulledTitle")),
    reportingBar(ctx, p),
    kvList(
      kvRow(ctx.tr("pulledSheet"), p.sheet, "pulled-sheet"),
      kvRow(ctx.tr("pulledSheets"), p.sheets.join(" · "), "pulled-sheets"),
      kvRow(ctx.tr("pulledUnit"), `${p.unitName} (${p.unit})`),
      kvRow(ctx.tr("pulledSubmitted"), submitted),
      kvRow(ctx.tr("pulledLate"), names(p.late)),
      kvRow(ctx.tr("pulledMissing"), names(p.missing)),
      p.summary ? kvRow(ctx.tr("pulledTargets"), p.summary[lang]) : null,
      p.compare ? kvRow(ctx.tr("pulledCompare"), p.compare) : null,
    ),
  );
}
