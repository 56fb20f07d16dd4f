import { describe, expect, it } from "vitest";
import { MANIFEST_ORIGIN_PLACEHOLDER, manifestFor } from "./site.ts";

describe("manifestFor", () => {
  it("puts every URL on the asked origin, and the AppDomain is that origin", () => {
    const p = MANIFEST_ORIGIN_PLACEHOLDER;
    const template = [
      `<IconUrl DefaultValue="${p}/addin/assets/icon-32.png"/>`,
      `<AppDomain>${p}/addin</AppDomain>`,
      `<SourceLocation DefaultValue="${p}/addin/taskpane.html"/>`,
    ].join("\n");
    const xml = manifestFor(template, "https://baocao.example.workers.dev");
    expect(xml).not.toContain(p);
    expect(xml).toContain(
      '<SourceLocation DefaultValue="https://baocao.example.workers.dev/addin/taskpane.html"/>',
    );
    expect(xml).toContain("<AppDomain>https://baocao.example.workers.dev</AppDomain>");
  });

  it("leaves a manifest built for a fixed URL as it is", () => {
    const built = '<SourceLocation DefaultValue="https://bc.doan.vn/addin/taskpane.html"/>';
    expect(manifestFor(built, "http://127.0.0.1:8787")).toBe(built);
  });
});
