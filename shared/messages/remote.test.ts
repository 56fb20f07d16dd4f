import { describe, expect, it } from "vitest";
import { describeRefusal } from "./remote.ts";

const forbidden = {
  vi: "Mã truy cập này là của đơn vị SL.MAISON: nó chỉ dùng được cho SL.MAISON và các đơn vị trực thuộc, mà SL.NOWHERE không có trong danh sách đó",
  en: "This access token is for unit SL.MAISON: it only works for SL.MAISON and the units under it, and SL.NOWHERE is not among them",
};

describe("describeRefusal", () => {
  it("says what happened once, then what to do, in each client's words, without HTTP codes", () => {
    const cli = describeRefusal(forbidden, "forbidden", false, "cli");
    expect(cli.vi.match(/Mã truy cập này/g)).toHaveLength(1);
    expect(cli.vi).toContain("--token hoặc BAOCAO_TOKEN");
    expect(cli.en).toContain("use an access token of that unit or of a parent unit");
    const pane = describeRefusal(forbidden, "forbidden", false, "addin");
    expect(pane.vi).toContain("Cài đặt của add-in");
    expect(pane.vi).not.toContain("--token");
    for (const m of [cli.vi, cli.en, pane.vi, pane.en]) {
      expect(m).not.toMatch(/\b40\d\b|Bearer|forbidden/);
    }
  });

  it("still says something useful when the server sent no sentence", () => {
    expect(describeRefusal(undefined, "internal", true, "cli").vi).toContain("thử lại sau");
    expect(describeRefusal(undefined, "weird", false, "cli").en).toBe("The server refused the request.");
  });
});
