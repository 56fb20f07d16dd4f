import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatDateTimeVn,
  formatDateVn,
  formatLongDateVn,
  formatPeriodEn,
  formatPeriodVn,
  periodLastDay,
  todayInVietnam,
} from "./vietnam-time.ts";

describe("Vietnam time", () => {
  it("shows an instant on Vietnam's wall clock, dd/mm/yyyy", () => {
    // 17:30 UTC on 1 Dec is already 2 Dec in Hà Nội.
    expect(formatDateVn("2026-12-01T17:30:00Z")).toBe("02/12/2026");
    expect(formatDateTimeVn("2026-12-01T17:30:00Z")).toBe("02/12/2026 00:30");
    expect(formatDateTimeVn("2023-12-15T17:00:00+07:00")).toBe("15/12/2023 17:00");
    expect(formatLongDateVn(new Date("2026-12-02T02:00:00Z"))).toBe("ngày 02 tháng 12 năm 2026");
    expect(todayInVietnam(Date.parse("2025-06-30T17:00:00Z"))).toBe("2025-07-01");
  });

  it("refuses what is not a date rather than printing NaN", () => {
    expect(() => formatDateVn("soon")).toThrow(RangeError);
  });

  it("agrees with Intl's Asia/Ho_Chi_Minh for any instant", () => {
    const intl = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Ho_Chi_Minh",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(formatDateTimeVn(ms)).toBe(intl.format(ms).replace(",", ""));
      }),
    );
  });
});

describe("periods as people write them", () => {
  it("names each kind of period in Vietnamese and English", () => {
    expect(formatPeriodVn("2023")).toBe("Năm 2023");
    expect(formatPeriodVn("2026-H1")).toBe("6 tháng đầu năm 2026");
    expect(formatPeriodVn("2026-H2")).toBe("6 tháng cuối năm 2026");
    expect(formatPeriodVn("2023-Q3")).toBe("Quý III năm 2023");
    expect(formatPeriodVn("2025-11")).toBe("Tháng 11 năm 2025");
    expect(formatPeriodEn("2023-Q3")).toBe("Q3 2023");
    expect(formatPeriodEn("2025-11")).toBe("November 2025");
    expect(formatPeriodEn("2026-H1")).toBe("first half of 2026");
  });

  it("gives each period's last day, its reference date", () => {
    expect(periodLastDay("2023")).toBe("2023-12-31");
    expect(periodLastDay("2025-H1")).toBe("2025-06-30");
    expect(periodLastDay("2025-Q3")).toBe("2025-09-30");
    expect(periodLastDay("2025-11")).toBe("2025-11-30");
    expect(periodLastDay("2024-02")).toBe("2024-02-29");
    expect(periodLastDay("2025-02")).toBe("2025-02-28");
    expect(() => periodLastDay("2025-13")).toThrow(RangeError);
  });
});
