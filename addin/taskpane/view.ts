// Draws the controller's state as DOM and turns clicks into controller calls. No decisions here: what to
// show comes from PaneState, every word from ui/text.ts, every issue sentence from shared/messages.
// The pane is its chrome (pane-chrome.ts) around one screen; each PaneScreen has its screen in SCREENS.
import type { Controller, PaneScreen, PaneState } from "./controller.ts";
import { createScreen } from "./create-screen.ts";
import { h } from "./dom.ts";
import { mainScreen } from "./main-screen.ts";
import * as chrome from "./pane-chrome.ts";
import { pullScreen } from "./pull-screen.ts";
import { reviewScreen } from "./review-view.ts";
import { type Screen, type ScreenContext, type ScreenFactory, screenContext } from "./screen.ts";
import { settingsScreen } from "./settings-screen.ts";

export { say } from "./screen.ts";

/** Every screen of the pane, by the name the controller shows it under. */
const SCREENS: Record<PaneScreen, ScreenFactory> = {
  main: mainScreen,
  create: createScreen,
  pull: pullScreen,
  settings: settingsScreen,
  review: reviewScreen,
};

export class PaneView {
  private readonly ctx: ScreenContext;
  private readonly screens: Record<PaneScreen, Screen>;
  private lastView: PaneScreen | undefined;

  constructor(
    private readonly root: HTMLElement,
    controller: Controller,
  ) {
    const ctx = screenContext(controller);
    this.ctx = ctx;
    this.screens = Object.fromEntries(
      Object.entries(SCREENS).map(([name, make]) => [name, make(ctx)]),
    ) as Record<PaneScreen, Screen>;
    controller.subscribe((s) => this.render(s));
    this.render(controller.state);
  }

  /** Whole re-render; the focused field and its caret survive it so typing is never interrupted. */
  render(s: PaneState): void {
    const screen = this.screens[s.view];
    if (s.view !== this.lastView) {
      screen.enter?.(s);
      this.lastView = s.view;
    }
    const focus = focusOf(document.activeElement as HTMLInputElement | null);
    document.documentElement.lang = s.lang;
    this.root.dataset.completed = String(s.completed);
    const ctx = this.ctx;
    const parts: (HTMLElement | null)[] = [
      chrome.header(ctx, s),
      chrome.toolbar(ctx, s),
      chrome.statusLine(ctx, s),
      s.busy ? chrome.progress(ctx, s.busy) : null,
      s.notice ? chrome.noticeBar(ctx, s.notice, s) : null,
      h("main", { class: "content" }, ...screen.render(s)),
      s.confirm ? chrome.confirmDialog(ctx, s.confirm.warnings) : null,
      s.pullReplace ? chrome.pullReplaceDialog(ctx, s.pullReplace.sheets) : null,
    ];
    this.root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
    restoreFocus(focus);
  }
}

interface Focus {
  id: string | undefined;
  caret: [number, number] | null;
}

function focusOf(active: HTMLInputElement | null): Focus {
  const caret: [number, number] | null =
    active && typeof active.selectionStart === "number"
      ? [active.selectionStart, active.selectionEnd ?? active.selectionStart]
      : null;
  return { id: active?.id, caret };
}

function restoreFocus({ id, caret }: Focus): void {
  if (!id) return;
  const el = document.getElementById(id) as HTMLInputElement | null;
  if (!el) return;
  el.focus();
  if (caret && typeof el.setSelectionRange === "function") {
    try {
      el.setSelectionRange(caret[0], caret[1]);
    } catch {
      // <select> and some input types have no caret.
    }
  }
}
