// The demo's merged-province case: Tỉnh đoàn Bắc Kạn merged into Tỉnh đoàn Thái Nguyên on 2025-07-01,
// both provinces' district unions ended, and a few of their communes merged into new ones directly under
// Thái Nguyên. A handful of units each, enough to show a whole province's figures following a merge.
// Hoàng Trĩ (Ba Bể) and Nông Thượng (the city of Bắc Kạn) come from the seed article ../shared/seeds/003.
import type { DemoUnit } from "./demo-province.ts";

export const THAI_NGUYEN_BEFORE: DemoUnit[] = [
  { code: "TN", name: "Tỉnh đoàn Thái Nguyên", parent: null, kind: "tinh" },
  { code: "TN.TPTN", name: "Thành đoàn Thái Nguyên", parent: "TN", kind: "thanh-pho" },
  { code: "TN.TPTN.PHANDINHPHUNG", name: "Đoàn phường Phan Đình Phùng", parent: "TN.TPTN", kind: "phuong" },
  { code: "TN.TPTN.HOANGVANTHU", name: "Đoàn phường Hoàng Văn Thụ", parent: "TN.TPTN", kind: "phuong" },
  { code: "TN.TPTN.TRUNGVUONG", name: "Đoàn phường Trưng Vương", parent: "TN.TPTN", kind: "phuong" },
  { code: "TN.DAITU", name: "Huyện đoàn Đại Từ", parent: "TN", kind: "huyen" },
  { code: "TN.DAITU.HUNGSON", name: "Đoàn thị trấn Hùng Sơn", parent: "TN.DAITU", kind: "thi-tran" },
  { code: "TN.DAITU.TANTHAI", name: "Đoàn xã Tân Thái", parent: "TN.DAITU", kind: "xa" },
  { code: "BK", name: "Tỉnh đoàn Bắc Kạn", parent: null, kind: "tinh" },
  { code: "BK.TPBK", name: "Thành đoàn Bắc Kạn", parent: "BK", kind: "thanh-pho" },
  { code: "BK.TPBK.DUCXUAN", name: "Đoàn phường Đức Xuân", parent: "BK.TPBK", kind: "phuong" },
  {
    code: "BK.TPBK.NGUYENTHIMINHKHAI",
    name: "Đoàn phường Nguyễn Thị Minh Khai",
    parent: "BK.TPBK",
    kind: "phuong",
  },
  { code: "BK.TPBK.NONGTHUONG", name: "Đoàn xã Nông Thượng", parent: "BK.TPBK", kind: "xa" },
  { code: "BK.BABE", name: "Huyện đoàn Ba Bể", parent: "BK", kind: "huyen" },
  { code: "BK.BABE.CHORA", name: "Đoàn thị trấn Chợ Rã", parent: "BK.BABE", kind: "thi-tran" },
  { code: "BK.BABE.HOANGTRI", name: "Đoàn xã Hoàng Trĩ", parent: "BK.BABE", kind: "xa" },
  { code: "BK.BABE.KHANGNINH", name: "Đoàn xã Khang Ninh", parent: "BK.BABE", kind: "xa" },
];

/** The new units under Thái Nguyên, each with the old units merged into it. */
export const THAI_NGUYEN_AFTER: { code: string; name: string; kind: string; from: string[] }[] = [
  {
    code: "TN.PHANDINHPHUNG",
    name: "Đoàn phường Phan Đình Phùng",
    kind: "phuong",
    from: ["TN.TPTN.PHANDINHPHUNG", "TN.TPTN.HOANGVANTHU", "TN.TPTN.TRUNGVUONG"],
  },
  { code: "TN.DAITU-XA", name: "Đoàn xã Đại Từ", kind: "xa", from: ["TN.DAITU.HUNGSON", "TN.DAITU.TANTHAI"] },
  {
    code: "TN.BACKAN",
    name: "Đoàn phường Bắc Kạn",
    kind: "phuong",
    from: ["BK.TPBK.DUCXUAN", "BK.TPBK.NGUYENTHIMINHKHAI", "BK.TPBK.NONGTHUONG"],
  },
  {
    code: "TN.BABE",
    name: "Đoàn xã Ba Bể",
    kind: "xa",
    from: ["BK.BABE.CHORA", "BK.BABE.HOANGTRI", "BK.BABE.KHANGNINH"],
  },
];

/** The district-level unions ended on 2025-07-01. */
export const THAI_NGUYEN_ENDED = ["TN.TPTN", "TN.DAITU", "BK.TPBK", "BK.BABE"];
