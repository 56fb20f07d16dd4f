// The built-in scheme, shaped like the Central Youth Union's 2021 criteria set: 6 criteria, 21 items,
// 450 base points + 50 bonus. Computed items read doan-2024's indicators (codes are stable across
// template versions through formerCode); reporting discipline ("thông tin báo cáo") is scored from the
// reporting status, never typed.
import type { ScoringScheme } from "./types.ts";

export const tieuChi2021: ScoringScheme = {
  id: "tieu-chi-2021",
  version: 1,
  title: {
    vi: "Bộ tiêu chí thi đua công tác Đoàn (mẫu 2021)",
    en: "Youth Union emulation criteria (2021 shape)",
  },
  criteria: [
    {
      code: "TC1",
      label: { vi: "Công tác giáo dục chính trị, tư tưởng", en: "Political and ideological education" },
      items: [
        {
          code: "TC1.1",
          kind: "computed",
          max: 20,
          measure: { type: "ratioLevel", indicator: "GD03", level: 100 },
          label: {
            vi: "Cán bộ đoàn học tập nghị quyết (100%)",
            en: "Officers studying the resolutions (100%)",
          },
        },
        {
          code: "TC1.2",
          kind: "computed",
          max: 25,
          measure: { type: "ratioLevel", indicator: "GD06", level: 80 },
          label: { vi: "Đoàn viên học tập nghị quyết (80%)", en: "Members studying the resolutions (80%)" },
        },
        {
          code: "TC1.3",
          kind: "computed",
          max: 20,
          measure: { type: "ratioLevel", indicator: "GD09", level: 80 },
          label: {
            vi: "Thanh niên được phổ biến nghị quyết (80%)",
            en: "Youth reached by the resolutions (80%)",
          },
        },
        {
          code: "TC1.4",
          kind: "computed",
          max: 15,
          measure: { type: "perUnitMinimum", indicator: "GD10", minimum: 4 },
          label: {
            vi: "Tổ chức ít nhất 4 hoạt động sinh hoạt chính trị",
            en: "At least 4 political activities",
          },
        },
        {
          code: "TC1.5",
          kind: "manual",
          max: 10,
          label: {
            vi: "Chất lượng sinh hoạt chính trị (hội đồng đánh giá)",
            en: "Quality of political activities (council)",
          },
        },
      ],
    },
    {
      code: "TC2",
      label: { vi: "Phong trào hành động cách mạng, tình nguyện", en: "Action and volunteer movements" },
      items: [
        {
          code: "TC2.1",
          kind: "computed",
          max: 25,
          measure: { type: "proportional", indicator: "PT02" },
          label: {
            vi: "Công trình, phần việc thanh niên so với chỉ tiêu",
            en: "Youth projects against target",
          },
        },
        {
          code: "TC2.2",
          kind: "computed",
          max: 20,
          measure: { type: "perUnitMinimum", indicator: "PT04", minimum: 3 },
          label: { vi: "Ít nhất 3 hoạt động tình nguyện", en: "At least 3 volunteer activities" },
        },
        {
          code: "TC2.3",
          kind: "computed",
          max: 20,
          measure: { type: "targetMet", indicator: "PT06" },
          label: { vi: "Đạt chỉ tiêu đơn vị máu", en: "Blood units target met" },
        },
        {
          code: "TC2.4",
          kind: "computed",
          max: 15,
          measure: { type: "proportional", indicator: "PT09" },
          label: { vi: "Phần quà trao tặng so với chỉ tiêu", en: "Gifts given against target" },
        },
        {
          code: "TC2.5",
          kind: "manual",
          max: 20,
          label: {
            vi: "Hiệu quả các phong trào (hội đồng đánh giá)",
            en: "Effect of the movements (council)",
          },
        },
      ],
    },
    {
      code: "TC3",
      label: {
        vi: "Chuyển đổi số, khởi nghiệp, lập nghiệp",
        en: "Digital transformation, start-ups, careers",
      },
      items: [
        {
          code: "TC3.1",
          kind: "computed",
          max: 25,
          measure: { type: "ratioLevel", indicator: "CD05", level: 80 },
          label: {
            vi: "Thanh thiếu nhi tiếp cận năng lực số (80%)",
            en: "Young people reached by digital skills (80%)",
          },
        },
        {
          code: "TC3.2",
          kind: "computed",
          max: 20,
          measure: { type: "ratioLevel", indicator: "KN09", level: 80 },
          label: {
            vi: "ĐVTN trường học được tư vấn hướng nghiệp (80%)",
            en: "School members given career advice (80%)",
          },
        },
        {
          code: "TC3.3",
          kind: "computed",
          max: 15,
          measure: { type: "proportional", indicator: "KN05" },
          label: {
            vi: "Lượt tư vấn hướng nghiệp, việc làm so với chỉ tiêu",
            en: "Career advice against target",
          },
        },
        {
          code: "TC3.4",
          kind: "manual",
          max: 20,
          label: { vi: "Mô hình hỗ trợ thanh niên lập nghiệp", en: "Models supporting young entrepreneurs" },
        },
      ],
    },
    {
      code: "TC4",
      label: { vi: "Xây dựng tổ chức Đoàn", en: "Building the Union" },
      items: [
        {
          code: "TC4.1",
          kind: "computed",
          max: 35,
          measure: { type: "proportional", indicator: "XD01" },
          label: { vi: "Kết nạp đoàn viên mới so với chỉ tiêu", en: "New members against target" },
        },
        {
          code: "TC4.2",
          kind: "computed",
          max: 25,
          measure: { type: "targetMet", indicator: "XD02" },
          label: {
            vi: "Đạt chỉ tiêu giới thiệu đoàn viên ưu tú cho Đảng",
            en: "Members recommended to the Party: target met",
          },
        },
        {
          code: "TC4.3",
          kind: "computed",
          max: 20,
          measure: { type: "targetMet", indicator: "XD06" },
          label: { vi: "Đạt chỉ tiêu thu nộp đoàn phí", en: "Union dues target met" },
        },
        {
          code: "TC4.4",
          kind: "manual",
          max: 50,
          label: {
            vi: "Chất lượng tổ chức cơ sở Đoàn (hội đồng đánh giá)",
            en: "Quality of grassroots units (council)",
          },
        },
      ],
    },
    {
      code: "TC5",
      label: { vi: "Công tác kiểm tra và thông tin báo cáo", en: "Inspection and reporting" },
      items: [
        {
          code: "TC5.1",
          kind: "timeliness",
          max: 30,
          late: 15,
          label: { vi: "Báo cáo đầy đủ, đúng hạn", en: "Reports complete and on time" },
        },
        {
          code: "TC5.2",
          kind: "manual",
          max: 20,
          label: { vi: "Công tác kiểm tra, giám sát", en: "Inspection and supervision" },
        },
      ],
    },
    {
      code: "TC6",
      bonus: true,
      label: {
        vi: "Điểm thưởng: mô hình sáng tạo, đăng cai sự kiện",
        en: "Bonus: creative models, hosted events",
      },
      items: [
        {
          code: "TC6.1",
          kind: "manual",
          max: 50,
          label: { vi: "Mô hình sáng tạo, sự kiện đăng cai", en: "Creative models and hosted events" },
        },
      ],
    },
  ],
  grades: [
    { grade: "XS", minTotal: 430, minShareOfEachCriterion: 0.5 },
    { grade: "T", minTotal: 380 },
    { grade: "HT", minTotal: 300 },
  ],
};
