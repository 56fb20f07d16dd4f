// A tiny element builder: the pane is small enough that plain DOM beats a framework. Text goes in as
// text nodes (never HTML), so nothing from a sheet or a server can inject markup.
export type Child = Node | string | number | null | undefined | false;

export interface Attrs {
  class?: string;
  id?: string;
  title?: string;
  type?: string;
  role?: string;
  value?: string;
  placeholder?: string;
  disabled?: boolean;
  checked?: boolean;
  selected?: boolean;
  name?: string;
  for?: string;
  src?: string;
  alt?: string;
  href?: string;
  target?: string;
  rel?: string;
  lang?: string;
  tabindex?: number;
  autocomplete?: string;
  spellcheck?: boolean;
  hidden?: boolean;
  /** CSS width set through the CSSOM (allowed by a strict CSP, unlike a style attribute), e.g. "40%". */
  styleWidth?: string;
  /** data-* and aria-* attributes, written as given. */
  data?: Record<string, string>;
  aria?: Record<string, string>;
  onClick?: (e: MouseEvent) => void;
  onInput?: (e: Event) => void;
  onChange?: (e: Event) => void;
  onKeydown?: (e: KeyboardEvent) => void;
  onSubmit?: (e: SubmitEvent) => void;
}

export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key === "data" || key === "aria") {
      for (const [k, v] of Object.entries(value as Record<string, string>)) el.setAttribute(`${key}-${k}`, v);
    } else if (key.startsWith("on")) {
      el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    } else if (key === "styleWidth") {
      el.style.width = String(value);
    } else if (key === "class") {
      el.className = String(value);
    } else if (key === "value") {
      (el as HTMLInputElement).value = String(value);
    } else if (key === "checked" || key === "selected" || key === "disabled" || key === "hidden") {
      (el as unknown as Record<string, boolean>)[key] = true;
      if (key !== "checked" && key !== "selected") el.setAttribute(key, "");
    } else {
      el.setAttribute(key === "tabindex" ? "tabindex" : key, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el: HTMLElement, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "number" ? String(c) : c);
  }
}

/** An inline SVG icon from our own constant markup (icons.ts), never from data. */
export function icon(svg: string, className = "icon"): HTMLElement {
  const span = document.createElement("span");
  span.className = className;
  span.setAttribute("aria-hidden", "true");
  span.innerHTML = svg;
  return span;
}
