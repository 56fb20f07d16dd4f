// Template "doan-2024": the draft indicator catalog of domain.md, as data.
import type { Indicator, IndicatorKind, Label, Rule, Template } from "./types.ts";

const U = {
  nguoi: { vi: "người", en: "people" },
  luot: { vi: "lượt", en: "participations" },
  hoatDong: { vi: "hoạt động", en: "activities" },
  buoi: { vi: "buổi", en: "sessions" },
  congTrinh: { vi: "công trình", en: "projects" },
  trieu: { vi: "triệu đồng", en: "million VND" },
  dot: { vi: "đợt", en: "campaigns" },
  donViMau: { vi: "đơn vị", en: "blood units" },
  ho: { vi: "hộ", en: "households" },
  phanQua: { vi: "phần quà", en: "gifts" },
  xa: { vi: "xã", en: "communes" },
  yTuong: { vi: "ý tưởng", en: "ideas" },
  toChuc: { vi: "tổ chức", en: "organisations" },
  tapThe: { vi: "tập thể", en: "collectives" },
  caNhan: { vi: "cá nhân", en: "individuals" },
  pct: { vi: "%", en: "%" },
  none: { vi: "", en: "" },
} satisfies Record<string, Label>;

type Extra = Partial<Pick<Indicator, "required" | "ratio" | "perUnitTarget" | "overTime">>;

function row(
  code: string,
  section: string,
  vi: string,
  en: string,
  unit: Label,
  kind: IndicatorKind,
  extra: Extra = {},
): Indicator {
  // Activities and money add up over a year; stocks (members, youth in the area) and ratings do not.
  const overTime = kind === "grade" || kind === "ratio" ? "last" : "sum";
  return { code, section, label: { vi, en }, unit, kind, overTime, ...extra };
}

function ratio(
  code: string,
  section: string,
  vi: string,
  en: string,
  numerator: string,
  denominator: string,
) {
  return row(code, section, vi, en, U.pct, "ratio", { ratio: { numerator, denominator } });
}

// biome-ignore format: one row per line reads like the catalog table in domain.md
const indicators: Indicator[] = [
  row("GD01", "I", "Tổng số cán bộ đoàn", "Total Youth Union officers", U.nguoi, "count", { required: true, overTime: "last" }),
  row("GD02", "I", "Số cán bộ đoàn được học tập, quán triệt nghị quyết", "Officers who studied the resolutions", U.nguoi, "count"),
  ratio("GD03", "I", "Tỷ lệ cán bộ đoàn được học tập, quán triệt nghị quyết", "Share of officers who studied the resolutions", "GD02", "GD01"),
  row("GD04", "I", "Tổng số đoàn viên", "Total Youth Union members", U.nguoi, "count", { required: true, overTime: "last" }),
  row("GD05", "I", "Số đoàn viên được học tập, quán triệt nghị quyết", "Members who studied the resolutions", U.nguoi, "count"),
  ratio("GD06", "I", "Tỷ lệ đoàn viên được học tập, quán triệt nghị quyết", "Share of members who studied the resolutions", "GD05", "GD04"),
  row("GD07", "I", "Tổng số thanh niên trên địa bàn", "Total youth in the area", U.nguoi, "count", { overTime: "last" }),
  row("GD08", "I", "Số thanh niên được học tập, phổ biến nghị quyết", "Youth informed of the resolutions", U.nguoi, "count"),
  ratio("GD09", "I", "Tỷ lệ thanh niên được học tập, phổ biến nghị quyết", "Share of youth informed of the resolutions", "GD08", "GD07"),
  row("GD10", "I", "Số hoạt động sinh hoạt chính trị", "Political activities", U.hoatDong, "count"),
  row("GD11", "I", "Số buổi học tập chuyên đề tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Sessions on Ho Chi Minh's thought, ethics and style", U.buoi, "count"),
  row("GD12", "I", "Số buổi học tập, quán triệt, tuyên truyền Nghị quyết Đại hội Đoàn", "Sessions on the Youth Union Congress resolution", U.buoi, "count"),
  row("GD13", "I", "Số ĐVTN tham gia học tập Nghị quyết Đại hội Đoàn toàn quốc", "Members and youth who studied the national Congress resolution", U.nguoi, "count"),
  row("GD14", "I", "Số lượt thi trên ứng dụng Thanh niên Việt Nam", "Quiz entries on the Thanh niên Việt Nam app", U.luot, "count"),
  row("GD15", "I", "Số lượt ĐVTN tham gia cuộc thi tìm hiểu Nghị quyết Đại hội Đoàn", "Entries in the Congress resolution contest", U.luot, "count"),

  row("PT01", "II", "Số lượt ĐVTN tham gia các hoạt động, phong trào", "Participations in activities and movements", U.luot, "count"),
  row("PT02", "II", "Số công trình, phần việc thanh niên", "Youth projects and works", U.congTrinh, "count"),
  row("PT03", "II", "Giá trị công trình, phần việc thanh niên", "Value of youth projects and works", U.trieu, "money"),
  row("PT04", "II", "Số hoạt động tình nguyện", "Volunteer activities", U.hoatDong, "count", { perUnitTarget: 3 }),
  row("PT05", "II", "Số đợt hiến máu tình nguyện", "Blood donation drives", U.dot, "count"),
  row("PT06", "II", "Số đơn vị máu tiếp nhận", "Blood units collected", U.donViMau, "count"),
  row("PT07", "II", "Số đợt khám bệnh, cấp phát thuốc miễn phí", "Free medical check-up campaigns", U.dot, "count"),
  row("PT08", "II", "Số hộ dân được khám bệnh, cấp phát thuốc", "Households given check-ups and medicine", U.ho, "count"),
  row("PT09", "II", "Số phần quà trao tặng", "Gifts given", U.phanQua, "count"),
  row("PT10", "II", "Kinh phí các chương trình hướng về cộng đồng", "Funds for community programmes", U.trieu, "money"),
  row("PT11", "II", "Số xã được hỗ trợ hoàn thành tiêu chí nông thôn mới", "Communes helped to meet new-rural criteria", U.xa, "count"),

  row("CD01", "III", "Số hoạt động, đợt ra quân hỗ trợ chuyển đổi số", "Digital transformation support activities", U.hoatDong, "count"),
  row("CD02", "III", "Số lượt người dân được hỗ trợ chuyển đổi số", "Residents helped with digital transformation", U.luot, "count"),
  row("CD03", "III", "Tổng số thanh thiếu nhi trên địa bàn", "Total children and youth in the area", U.nguoi, "count", { overTime: "last" }),
  row("CD04", "III", "Số thanh thiếu nhi được tiếp cận hoạt động nâng cao năng lực số", "Children and youth reached by digital-skills activities", U.nguoi, "count"),
  ratio("CD05", "III", "Tỷ lệ thanh thiếu nhi được tiếp cận hoạt động nâng cao năng lực số", "Share of children and youth reached by digital-skills activities", "CD04", "CD03"),
  row("KN01", "III", "Số ý tưởng, sáng kiến đăng tải lên Ngân hàng ý tưởng sáng tạo", "Ideas posted to the Creative Ideas Bank", U.yTuong, "count"),
  row("KN02", "III", "Số ý tưởng, sáng kiến được hỗ trợ hiện thực hóa", "Ideas helped into practice", U.yTuong, "count"),
  row("KN03", "III", "Kinh phí hỗ trợ hiện thực hóa ý tưởng", "Funds to put ideas into practice", U.trieu, "money"),
  row("KN04", "III", "Vốn vay giải ngân cho thanh niên phát triển kinh tế", "Loans disbursed to young entrepreneurs", U.trieu, "money"),
  row("KN05", "III", "Số lượt ĐVTN được tư vấn hướng nghiệp, giới thiệu việc làm", "Career counselling and job referrals", U.luot, "count"),
  row("KN06", "III", "Số đợt tập huấn, chuyển giao kỹ thuật cho thanh niên", "Training and technology-transfer courses", U.dot, "count"),
  row("KN07", "III", "Tổng số ĐVTN khối trường học", "Total members and youth in schools", U.nguoi, "count", { overTime: "last" }),
  row("KN08", "III", "Số ĐVTN khối trường học được tư vấn hướng nghiệp", "School members and youth given career counselling", U.nguoi, "count"),
  ratio("KN09", "III", "Tỷ lệ ĐVTN khối trường học được tư vấn hướng nghiệp", "Share of school members and youth given career counselling", "KN08", "KN07"),

  row("XD01", "IV", "Số đoàn viên mới kết nạp", "New members admitted", U.nguoi, "count"),
  row("XD02", "IV", "Số đoàn viên ưu tú giới thiệu cho Đảng xem xét kết nạp", "Outstanding members recommended to the Party", U.nguoi, "count"),
  row("XD03", "IV", "Số đoàn viên ưu tú được kết nạp vào Đảng", "Outstanding members admitted to the Party", U.nguoi, "count"),
  row("XD04", "IV", "Số đoàn viên được cập nhật trên Phần mềm quản lý đoàn viên", "Members recorded in the membership software", U.nguoi, "count", { overTime: "last" }),
  row("XD05", "IV", "Số tổ chức Đoàn, Hội trong doanh nghiệp ngoài nhà nước", "Union and association branches in private enterprises", U.toChuc, "count", { overTime: "last" }),
  row("XD06", "IV", "Đoàn phí thu nộp", "Membership dues collected", U.trieu, "money"),
  row("XD07", "IV", "Số lượt cán bộ đoàn được tập huấn, bồi dưỡng", "Officer training participations", U.luot, "count"),

  row("TD01", "V", "Xếp loại đơn vị", "Unit rating", U.none, "grade"),
  row("TD02", "V", "Số tập thể được khen thưởng", "Collectives commended", U.tapThe, "count"),
  row("TD03", "V", "Số cá nhân được khen thưởng", "Individuals commended", U.caNhan, "count"),
];

function partOfWhole(part: string, whole: string): Rule {
  return {
    id: `${part}<=${whole}`,
    expression: `${part} <= ${whole}`,
    severity: "error",
    ifMissing: "skip",
    label: { vi: "phần không vượt tổng", en: "a part cannot exceed its whole" },
  };
}

function moneyNeedsCount(money: string, count: string): Rule {
  return {
    id: `${money}requires${count}`,
    expression: `${money} > 0 => ${count} > 0`,
    severity: "error",
    ifMissing: "fail",
    label: { vi: "có kinh phí/kết quả thì phải có số lượng", en: "a value needs its count" },
  };
}

const rules: Rule[] = [
  partOfWhole("GD02", "GD01"),
  partOfWhole("GD05", "GD04"),
  partOfWhole("GD08", "GD07"),
  partOfWhole("CD04", "CD03"),
  partOfWhole("KN08", "KN07"),
  partOfWhole("XD04", "GD04"),
  moneyNeedsCount("PT03", "PT02"),
  moneyNeedsCount("PT06", "PT05"),
  moneyNeedsCount("KN03", "KN02"),
  {
    id: "XD03<=XD02",
    expression: "XD03 <= XD02",
    severity: "warning",
    ifMissing: "skip",
    label: {
      vi: "số được kết nạp Đảng thường không vượt số được giới thiệu",
      en: "admissions to the Party usually do not exceed recommendations",
    },
  },
];

export const doan2024: Template = {
  id: "doan-2024",
  version: 1,
  title: {
    vi: "BÁO CÁO SỐ LIỆU CÔNG TÁC ĐOÀN VÀ PHONG TRÀO THANH THIẾU NHI",
    en: "YOUTH UNION WORK AND YOUTH MOVEMENT FIGURES",
  },
  sections: [
    {
      id: "I",
      label: { vi: "CÔNG TÁC GIÁO DỤC CHÍNH TRỊ, TƯ TƯỞNG", en: "POLITICAL AND IDEOLOGICAL EDUCATION" },
    },
    { id: "II", label: { vi: "PHONG TRÀO HÀNH ĐỘNG, TÌNH NGUYỆN", en: "ACTION AND VOLUNTEER MOVEMENTS" } },
    {
      id: "III",
      label: {
        vi: "CHUYỂN ĐỔI SỐ, KHỞI NGHIỆP, LẬP NGHIỆP",
        en: "DIGITAL TRANSFORMATION, START-UPS, CAREERS",
      },
    },
    { id: "IV", label: { vi: "XÂY DỰNG TỔ CHỨC ĐOÀN", en: "BUILDING THE UNION ORGANISATION" } },
    { id: "V", label: { vi: "THI ĐUA, KHEN THƯỞNG, XẾP LOẠI", en: "EMULATION, COMMENDATION, RATING" } },
  ],
  indicators,
  grades: [
    {
      code: "XS",
      label: { vi: "Hoàn thành xuất sắc nhiệm vụ", en: "Excellently completed" },
      aliases: ["xuat sac", "hoan thanh xuat sac", "htxs", "htxsnv", "excellent"],
    },
    {
      code: "T",
      label: { vi: "Hoàn thành tốt nhiệm vụ", en: "Well completed" },
      aliases: ["tot", "hoan thanh tot", "httnv", "htt", "good"],
    },
    {
      code: "HT",
      label: { vi: "Hoàn thành nhiệm vụ", en: "Completed" },
      aliases: ["hoan thanh", "htnv", "completed"],
    },
    {
      code: "KHT",
      label: { vi: "Không hoàn thành nhiệm vụ", en: "Not completed" },
      aliases: ["khong hoan thanh", "khtnv", "not completed"],
    },
  ],
  rules,
  outlier: { factor: 5, floor: 20 },
};
