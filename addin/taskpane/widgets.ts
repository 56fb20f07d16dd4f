// The pane's repeated pieces, written once: card headers, key-value rows, buttons, form cards and
// labelled fields. They take words already translated, so every screen (and review-view.ts) uses them.
import { type Child, h, icon } from "./dom.ts";
import type { UnitOption } from "./pane-state.ts";

/** The header row of every card: its icon, its title, and whatever the card puts beside them. */
export function cardHeader(iconSvg: string | null, title: string, ...extra: Child[]): HTMLElement {
  return h(
    "div",
    { class: "card-header" },
    iconSvg ? icon(iconSvg, "icon card-icon") : null,
    h("h2", { class: "card-title" }, title),
    ...extra,
  );
}

/** One row of a key-value list (`kvList`): the label, then the value (with a test id when asked). */
export function kvRow(label: string, value: Child, testid?: string): HTMLElement {
  return h("div", { class: "kv" }, h("dt", {}, label), h("dd", testid ? { data: { testid } } : {}, value));
}

export function kvList(...rows: Child[]): HTMLElement {
  return h("dl", { class: "kv-list" }, ...rows);
}

export interface ButtonSpec {
  label: string;
  /** An icon before the label (16 px). */
  icon?: string;
  primary?: boolean;
  small?: boolean;
  /** "submit" sends its form; every other button is "button" unless left out (as before: no type). */
  type?: "submit" | "button";
  disabled?: boolean;
  testid?: string;
  title?: string;
  onClick?: () => void;
}

export function button(b: ButtonSpec): HTMLElement {
  const cls = `button${b.primary ? " button-primary" : ""}${b.small ? " button-small" : ""}`;
  return h(
    "button",
    {
      class: cls,
      type: b.type,
      title: b.title,
      disabled: b.disabled,
      ...(b.testid !== undefined && { data: { testid: b.testid } }),
      ...(b.onClick && { onClick: b.onClick }),
    },
    b.icon ? icon(b.icon, "icon icon-16") : null,
    b.label,
  );
}

/** One of the toolbar's big buttons: icon above, label below; `selected` while its screen is shown. */
export function toolButton(t: {
  label: string;
  icon: string;
  testid: string;
  run: () => void;
  disabled: boolean;
  selected?: boolean;
}): HTMLElement {
  return h(
    "button",
    {
      class: `tool-button${t.selected ? " is-selected" : ""}`,
      disabled: t.disabled,
      data: { testid: t.testid },
      onClick: t.run,
    },
    icon(t.icon, "icon icon-24"),
    h("span", { class: "tool-label" }, t.label),
  );
}

/** The row of buttons at the foot of a form or card. */
export function formActions(...buttons: Child[]): HTMLElement {
  return h("div", { class: "form-actions" }, ...buttons);
}

/** A card that is a form: Enter or its submit button runs `onSubmit` (the page never reloads). */
export function formCard(testid: string, onSubmit: () => void, ...children: Child[]): HTMLElement {
  return h(
    "form",
    {
      class: "card form",
      data: { testid },
      onSubmit: (e) => {
        e.preventDefault();
        onSubmit();
      },
    },
    ...children,
  );
}

/** A labelled control, with a hint under it when given. */
export function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h(
    "div",
    { class: "field" },
    h("label", { class: "field-label", for: id }, label),
    control,
    hint ? h("div", { class: "field-hint" }, hint) : null,
  );
}

export interface TextInputSpec {
  id: string;
  value: string;
  onInput: (value: string) => void;
  name?: string;
  type?: string;
  placeholder?: string;
  autocomplete?: string;
  onChange?: () => void;
}

/** A text input whose typing goes to `onInput` (a draft), so a re-render never loses it. */
export function textInput(i: TextInputSpec): HTMLElement {
  return h("input", {
    class: "input",
    id: i.id,
    name: i.name,
    type: i.type ?? "text",
    value: i.value,
    placeholder: i.placeholder,
    autocomplete: i.autocomplete ?? "off",
    spellcheck: false,
    data: { testid: i.id },
    onInput: (e) => i.onInput((e.target as HTMLInputElement).value),
    ...(i.onChange && { onChange: i.onChange }),
  });
}

/** A text input bound to one field of a form's draft; its id (and test id) is `form-name`. */
export function draftInput<D extends Record<string, string>>(
  form: string,
  draft: D,
  name: keyof D & string,
  opts: Pick<TextInputSpec, "type" | "placeholder" | "autocomplete"> = {},
): HTMLElement {
  return textInput({
    id: `${form}-${name}`,
    name,
    value: draft[name] ?? "",
    onInput: (v) => {
      (draft as Record<string, string>)[name] = v;
    },
    ...opts,
  });
}

/** The units as an indented list (parents before children). */
export function unitSelect(
  id: string,
  units: readonly UnitOption[],
  value: string,
  onPick: (code: string) => void,
): HTMLElement {
  return h(
    "select",
    {
      class: "input select",
      id,
      data: { testid: id },
      onChange: (e) => onPick((e.target as HTMLSelectElement).value),
    },
    ...units.map((u) =>
      h(
        "option",
        { value: u.code, selected: u.code === value },
        `${"\u00a0\u00a0".repeat(u.depth)}${u.name} (${u.code})`,
      ),
    ),
  );
}
