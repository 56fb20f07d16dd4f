// Template "doan-2026": doan-2024 as the 2026 reports need it. What changed, as a province would:
// - new rows BD01–BD03 for the digital-skills movement "Bình dân học vụ số" (2025–2026);
// - GD14 (quiz entries on the Thanh niên Việt Nam app) became GD16, entries on any digital learning
//   platform: `formerCode: "GD14"` reads 2025 figures as GD16's;
// - PT11 (communes helped to meet new-rural criteria) is retired: after the 2025 commune mergers it is no
//   longer asked; its 2025 totals stay as they were reported;
// - warning rules that judge a figure against the unit's own members and youth (GD04, GD07), so an
//   implausible 123,456,789 participations in one commune is questioned before it is summed upward.
import { doan2024 } from "./doan-2024.ts";
import type { Indicator, Rule, Template } from "./types.ts";

const people = { vi: "người", en: "people" };
const entries = { vi: "lượt", en: "participations" };
const classes = { vi: "lớp", en: "classes" };

const renamed: Indicator = {
  code: "GD16",
  section: "I",
  label: {
    vi: "Số lượt ĐVTN học tập, thi trên các nền tảng số (ứng dụng Thanh niên Việt Nam và các nền tảng khác)",
    en: "Learning and quiz entries on digital platforms (the Thanh niên Việt Nam app and others)",
  },
  unit: entries,
  kind: "count",
  formerCode: "GD14",
  overTime: "sum",
};

const digitalSkills: Indicator[] = [
  {
    code: "BD01",
    section: "III",
    label: {
      vi: "Số lớp, buổi hướng dẫn kỹ năng số trong phong trào “Bình dân học vụ số”",
      en: "Digital-skills classes of the “Bình dân học vụ số” movement",
    },
    unit: classes,
    kind: "count",
    overTime: "sum",
  },
  {
    code: "BD02",
    section: "III",
    label: {
      vi: "Số lượt người dân được ĐVTN hướng dẫn kỹ năng số (Bình dân học vụ số)",
      en: "Residents taught digital skills by members and youth (Bình dân học vụ số)",
    },
    unit: entries,
    kind: "count",
    overTime: "sum",
  },
  {
    code: "BD03",
    section: "III",
    label: {
      vi: "Số ĐVTN hoàn thành khóa học kỹ năng số cơ bản",
      en: "Members and youth who completed the basic digital-skills course",
    },
    unit: people,
    kind: "count",
    overTime: "sum",
  },
];

function indicators(): Indicator[] {
  const out: Indicator[] = [];
  for (const ind of doan2024.indicators) {
    if (ind.code === "PT11") continue; // retired
    if (ind.code === "GD14") out.push(renamed);
    else out.push(ind);
    if (ind.code === "CD05") out.push(...digitalSkills);
  }
  return out;
}

const plausible = (id: string, expression: string, vi: string, en: string): Rule => ({
  id,
  expression,
  severity: "warning",
  ifMissing: "skip",
  label: { vi, en },
});

const rules: Rule[] = [
  ...doan2024.rules,
  {
    id: "BD01requiresBD02",
    expression: "BD01 > 0 => BD02 > 0",
    severity: "error",
    ifMissing: "fail",
    label: { vi: "có lớp hướng dẫn thì phải có người được hướng dẫn", en: "classes need their learners" },
  },
  plausible(
    "PL-PT01",
    "PT01 <= 200 * GD04",
    "mỗi đoàn viên hiếm khi có quá 200 lượt tham gia hoạt động trong một kỳ",
    "a member rarely takes part more than 200 times in one period",
  ),
  plausible(
    "PL-GD16",
    "GD16 <= 100 * GD04",
    "mỗi đoàn viên hiếm khi có quá 100 lượt học tập, thi trên nền tảng số trong một kỳ",
    "a member rarely has more than 100 platform entries in one period",
  ),
  plausible(
    "PL-GD13",
    "GD13 <= GD04 + GD07",
    "số ĐVTN học tập nghị quyết không vượt số đoàn viên cộng số thanh niên trên địa bàn",
    "members and youth who studied cannot exceed members plus youth in the area",
  ),
  plausible(
    "PL-BD03",
    "BD03 <= GD04 + GD07",
    "số ĐVTN hoàn thành khóa học không vượt số đoàn viên cộng số thanh niên trên địa bàn",
    "members and youth who completed the course cannot exceed members plus youth in the area",
  ),
];

export const doan2026: Template = {
  ...doan2024,
  id: "doan-2026",
  version: 1,
  title: {
    vi: "BÁO CÁO SỐ LIỆU CÔNG TÁC ĐOÀN VÀ PHONG TRÀO THANH THIẾU NHI NĂM 2026",
    en: "YOUTH UNION WORK AND YOUTH MOVEMENT FIGURES, 2026",
  },
  indicators: indicators(),
  rules,
};
