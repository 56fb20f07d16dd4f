import { describe, expect, it } from "vitest";
import { fold } from "../parse/fold.ts";
import { foldLabel, foldWords } from "./text.ts";

describe("foldLabel", () => {
  it.each([
    ["Mã ĐV :", "ma dv"],
    ["MÃ ĐƠN VỊ", "ma don vi"],
    ["Kỳ báo cáo：", "ky bao cao"],
    ["Mẫu...", "mau"],
    ["  Người\u00a0lập  ", "nguoi lap"],
  ])("%j → %j", (input, expected) => {
    expect(foldLabel(input)).toBe(expected);
  });

  it("is the shared fold plus no trailing colon or dots", () => {
    for (const s of ["Hoàn thành xuất sắc", "Đoàn viên:", "hoà / hòa."]) {
      expect(foldLabel(s)).toBe(fold(s).replace(/[\s:：.]+$/, ""));
    }
  });
});

describe("foldWords", () => {
  it("drops punctuation, for column headers", () => {
    expect(foldWords("Tỷ lệ đạt (%)")).toBe("ty le dat");
    expect(foldWords("Mã chỉ tiêu")).toBe("ma chi tieu");
  });
});
