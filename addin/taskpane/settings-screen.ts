// Cài đặt: the server, the token and the language (a language switch re-renders the pane at once).
import type { Lang, TextKey } from "../ui/text.ts";
import type { PaneState } from "./controller.ts";
import { h } from "./dom.ts";
import { type Screen, type ScreenContext, viewHeader } from "./screen.ts";
import { button, draftInput, field, formActions, formCard } from "./widgets.ts";

export function settingsScreen(ctx: ScreenContext): Screen {
  const d = { serverUrl: "", token: "", lang: "vi" as Lang };
  const langOption = (lang: Lang, key: TextKey) =>
    h(
      "label",
      { class: "radio" },
      h("input", {
        type: "radio",
        name: "lang",
        value: lang,
        checked: d.lang === lang,
        data: { testid: `settings-lang-${lang}` },
        onChange: () => {
          d.lang = lang;
          // Switching language takes effect at once: the whole pane re-renders in it.
          void ctx.controller.setLanguage(lang);
        },
      }),
      h("span", {}, ctx.tr(key)),
    );
  const form = (s: PaneState) =>
    formCard(
      "settings",
      () => void ctx.controller.saveSettings({ serverUrl: d.serverUrl, token: d.token, lang: d.lang }),
      ...viewHeader(ctx, "settingsTitle"),
      field(
        "settings-serverUrl",
        ctx.tr("settingsServer"),
        draftInput("settings", d, "serverUrl", { type: "url", placeholder: "https://…" }),
      ),
      field(
        "settings-token",
        ctx.tr("settingsToken"),
        draftInput("settings", d, "token", { type: "password" }),
        ctx.tr("settingsTokenHint"),
      ),
      h(
        "fieldset",
        { class: "field" },
        h("legend", { class: "field-label" }, ctx.tr("settingsLanguage")),
        h("div", { class: "radio-group" }, langOption("vi", "langVi"), langOption("en", "langEn")),
      ),
      formActions(
        button({
          label: ctx.tr("actionSave"),
          primary: true,
          type: "submit",
          disabled: s.busy !== null,
          testid: "settings-save",
        }),
      ),
    );
  return {
    enter(s) {
      Object.assign(d, { serverUrl: s.settings.serverUrl, token: s.settings.token, lang: s.settings.lang });
    },
    render: (s) => [form(s)],
  };
}
