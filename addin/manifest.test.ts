// The manifest, checked offline: `office-addin-manifest validate` needs the network, this does not.
import { existsSync, readFileSync } from "node:fs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { RIBBON_FUNCTIONS } from "./commands/names.ts";

const xml = readFileSync(new URL("../manifest.xml", import.meta.url), "utf8");

interface El {
  tag: string;
  attrs: Record<string, string>;
  text: string;
  children: El[];
}

type Node = Record<string, unknown>;

// preserveOrder output → a plain tree, so the checks below read like the manifest.
function toTree(nodes: Node[]): El[] {
  const out: El[] = [];
  for (const n of nodes) {
    const tag = Object.keys(n).find((k) => k !== ":@");
    if (!tag || tag === "#text" || tag === "?xml") continue;
    const kids = (n[tag] as Node[]) ?? [];
    const attrsRaw = (n[":@"] as Record<string, string> | undefined) ?? {};
    const attrs = Object.fromEntries(
      Object.entries(attrsRaw).map(([k, v]) => [k.replace(/^@_/, ""), String(v)]),
    );
    const text = kids
      .filter((k) => "#text" in k)
      .map((k) => String(k["#text"]))
      .join("");
    out.push({ tag, attrs, text, children: toTree(kids) });
  }
  return out;
}

const tree = toTree(
  new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    parseAttributeValue: false,
    parseTagValue: false,
  }).parse(xml) as Node[],
);
const root = tree.find((e) => e.tag === "OfficeApp");

function all(el: El | undefined, pred: (e: El) => boolean, acc: El[] = []): El[] {
  if (!el) return acc;
  if (pred(el)) acc.push(el);
  for (const c of el.children) all(c, pred, acc);
  return acc;
}
const byTag = (tag: string) => all(root, (e) => e.tag === tag || e.tag.endsWith(`:${tag}`));
const child = (el: El | undefined, tag: string) => el?.children.find((c) => c.tag === tag);

describe("manifest.xml", () => {
  it("is well-formed XML with an OfficeApp root of type TaskPaneApp", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(root?.attrs["xsi:type"]).toBe("TaskPaneApp");
  });

  it("has the elements Office requires, in the schema's order", () => {
    const order = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    expect(root?.children.map((c) => c.tag)).toEqual(order);
    expect(child(root, "Id")?.text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    expect(child(root, "Version")?.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(root, "Permissions")?.text).toBe("ReadWriteDocument");
    expect(child(child(root, "Hosts"), "Host")?.attrs.Name).toBe("Workbook");
    expect(child(child(root, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue).toMatch(
      /^https:\/\//,
    );
    for (const tag of ["DisplayName", "Description"]) {
      const overrides = child(root, tag)?.children.filter((c) => c.tag === "Override") ?? [];
      expect(overrides.map((o) => o.attrs.Locale)).toContain("vi-VN");
    }
  });

  it("resolves every resid to a resource", () => {
    const ids = new Set(
      all(root, (e) => /(^|:)(Image|Url|String)$/.test(e.tag) && "id" in e.attrs).map((e) => e.attrs.id),
    );
    const resids = all(root, (e) => "resid" in e.attrs).map((e) => e.attrs.resid);
    expect(resids.length).toBeGreaterThan(20);
    expect(resids.filter((r) => !ids.has(r))).toEqual([]);
  });

  it("uses https for every URL, and every icon exists as a PNG of its size", () => {
    const urls = all(root, (e) => /^https?:/.test(e.attrs.DefaultValue ?? "") || e.tag === "AppDomain").map(
      (e) => e.attrs.DefaultValue ?? e.text,
    );
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    const icons = urls.filter((u) => u.endsWith(".png"));
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const u of icons) {
      const file = new URL(`./assets/${u.split("/assets/")[1]}`, import.meta.url);
      expect(existsSync(file), u).toBe(true);
      const png = readFileSync(file);
      const size = Number(/icon-(\d+)\.png$/.exec(u)?.[1]);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(size);
    }
  });

  it("keeps strings within Office's limits (short ≤ 125, long ≤ 250)", () => {
    const limit = (tag: string, max: number) => {
      const group = byTag(tag)[0];
      const strings = all(group, (e) => e.tag === "bt:String" || e.tag === "bt:Override");
      expect(strings.length).toBeGreaterThan(0);
      for (const s of strings) {
        const value = s.attrs.DefaultValue ?? s.attrs.Value ?? "";
        expect(value.length, value).toBeLessThanOrEqual(max);
      }
    };
    limit("ShortStrings", 125);
    limit("LongStrings", 250);
  });

  it("declares exactly the ribbon functions the add-in associates, plus a task pane button", () => {
    const names = byTag("FunctionName").map((e) => e.text);
    expect(names.sort()).toEqual([...RIBBON_FUNCTIONS].sort());
    const labels = byTag("bt:Override").map((e) => e.attrs.Value);
    for (const l of ["Tạo mẫu", "Kiểm tra", "Gửi báo cáo", "Lấy tổng hợp", "Mở bảng điều khiển"]) {
      expect(labels).toContain(l);
    }
    expect(byTag("Action").filter((a) => a.attrs["xsi:type"] === "ShowTaskpane")).toHaveLength(1);
    expect(byTag("Runtime")[0]?.attrs.lifetime).toBe("long");
  });
});
