import { describe, expect, it } from "vitest";
import { fold } from "./fold.ts";

describe("fold", () => {
  it.each([
    ["Hoàn thành xuất sắc nhiệm vụ", "hoan thanh xuat sac nhiem vu"],
    ["HOÀN THÀNH TỐT NHIỆM VỤ", "hoan thanh tot nhiem vu"],
    ["Không hoàn thành", "khong hoan thanh"],
    ["Đoàn viên", "doan vien"],
    ["ĐVTN", "dvtn"],
    ["hoà", "hoa"], // old-style tone placement
    ["hòa", "hoa"], // new-style
    ["Hoa\u0300n tha\u0300nh", "hoan thanh"], // already decomposed
    ["  xuất\u00a0\u00a0sắc \t", "xuat sac"], // non-breaking and repeated spaces
    ["triệu đồng", "trieu dong"],
    ["ưu tú ơi", "uu tu oi"], // horn marks
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it("is idempotent", () => {
    const once = fold("  Hoàn Thành  Xuất Sắc ");
    expect(fold(once)).toBe(once);
  });
});
