// What a screen of the pane is: what it draws below the toolbar for the state, and what it does when the
// pane enters it (fresh drafts). view.ts registers one per PaneScreen; a new screen is a new file with
// a factory like these and one line in view.ts's SCREENS.
import { type Lang, type TextKey, type TextParams, t } from "../ui/text.ts";
import type { Controller, PaneState, Said } from "./controller.ts";
import { type Child, h, icon } from "./dom.ts";
import { ICONS } from "./icons.ts";

export interface Screen {
  /** The pane switched to this screen: drafts start again from the state. */
  enter?(s: PaneState): void;
  render(s: PaneState): Child[];
}

/** What every screen reaches: the controller and the pane's words in the current language. */
export interface ScreenContext {
  controller: Controller;
  tr(key: TextKey, params?: TextParams): string;
}

export type ScreenFactory = (ctx: ScreenContext) => Screen;

export function screenContext(controller: Controller): ScreenContext {
  return { controller, tr: (key, params) => t(key, controller.state.lang, params) };
}

export function say(said: Said, lang: Lang): string {
  return "key" in said ? t(said.key, lang, said.params) : said[lang];
}

/** A form screen's first lines: a back button to the main screen, the title, and a hint when given. */
export function viewHeader(ctx: ScreenContext, title: TextKey, hint?: string): Child[] {
  return [
    h(
      "div",
      { class: "view-header" },
      h(
        "button",
        {
          class: "icon-button",
          title: ctx.tr("actionBack"),
          aria: { label: ctx.tr("actionBack") },
          data: { testid: "back" },
          onClick: () => ctx.controller.showView("main"),
        },
        icon(ICONS.back),
      ),
      h("h2", { class: "view-title" }, ctx.tr(title)),
    ),
    hint ? h("p", { class: "view-hint" }, hint) : null,
  ];
}
