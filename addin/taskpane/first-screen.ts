// The page opened outside Excel (a browser, a link someone shared): not an error line, but what the
// product is, how to get it into Excel, and where its other doors are. Vietnamese first, English below.
import { DEPLOY, SIDELOAD, type Steps } from "../ui/sideload.ts";
import { h } from "./dom.ts";

export interface FirstScreenLinks {
  /** The report server (its web page and API), e.g. the build's default server. */
  server: string;
  /** The manifest file next to this page. */
  manifest: string;
  help: string;
}

function link(href: string, text: string): HTMLElement {
  return h("a", { href, target: "_blank", rel: "noopener" }, text);
}

function steps(s: Steps, manifest: string): HTMLElement {
  const fill = (t: string) => t.replaceAll("{manifest}", manifest);
  return h(
    "section",
    { class: "card" },
    h("h2", {}, s.title.vi, " ", h("span", { lang: "en", class: "muted" }, `/ ${s.title.en}`)),
    h(
      "ol",
      {},
      ...s.steps.map((step) => h("li", {}, fill(step.vi), h("br"), h("em", { lang: "en" }, fill(step.en)))),
    ),
  );
}

export function firstScreen(links: FirstScreenLinks): HTMLElement {
  return h(
    "main",
    { class: "first-screen", data: { testid: "first-screen" } },
    h("h1", {}, "Báo cáo Đoàn"),
    h(
      "p",
      {},
      "Add-in Excel để điền, kiểm tra và gửi báo cáo số liệu công tác Đoàn theo mẫu chính thức, và lấy số liệu tổng hợp của các đơn vị cấp dưới. Trang này cần được mở bên trong Excel.",
    ),
    h(
      "p",
      { lang: "en" },
      h(
        "em",
        {},
        "An Excel add-in to fill, check and submit the Youth Union's periodic report on the official template, and to pull the consolidated figures of the units below yours. This page has to be opened inside Excel.",
      ),
    ),
    steps(SIDELOAD, "manifest.xml"),
    steps(DEPLOY, "manifest.xml"),
    h(
      "section",
      { class: "card" },
      h("h2", {}, "Các cách dùng khác ", h("span", { lang: "en", class: "muted" }, "/ Other ways in")),
      h(
        "ul",
        {},
        h("li", {}, "Tệp manifest / The manifest file: ", link(links.manifest, "manifest.xml")),
        h("li", {}, "Hướng dẫn sử dụng / Help: ", link(links.help, "help.html")),
        h(
          "li",
          {},
          "Trang web và máy chủ báo cáo / Web page and report server: ",
          link(links.server, links.server),
        ),
        h(
          "li",
          {},
          "Dòng lệnh, không cần Excel / Command line, no Excel needed: ",
          h("code", {}, "npx baocao --help"),
          " (validate, fix, submit, pull)",
        ),
      ),
    ),
  );
}
