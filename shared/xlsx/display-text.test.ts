import { describe, expect, it } from "vitest";
import { displayText, generalText } from "./display-text.ts";

describe("displayText", () => {
  it.each([
    [92387, "General", "92387"],
    [1.5, "General", "1.5"],
    [1 / 3, "General", "0.3333333333"],
    [123456789012, "General", "1.23457E+11"],
    [92387, "#,##0", "92,387"],
    [1234.5, "#,##0.00", "1,234.50"],
    [555, "#,##0.###", "555."],
    [555.1234, "#,##0.###", "555.123"],
    [555, "#,##0.0##", "555.0"],
    [48.75, "#,##0.0##", "48.75"],
    [97.5, "0.0", "97.5"],
    [0.975, "0.0%", "97.5%"],
    [-5, "#,##0;(#,##0)", "(5)"],
    [0, '#,##0;-#,##0;"-"', "-"],
    [12, '0" người"', "12 người"],
    [100, "[$₫-42A]#,##0", "₫100"],
    [5, "@", "5"],
  ])("%s under %s is %s", (n, fmt, text) => {
    expect(displayText(n, fmt)).toBe(text);
  });

  it("formats dates and times from the serial, with Excel's 1900 calendar", () => {
    expect(displayText(45123, "dd/mm/yyyy")).toBe("16/07/2023");
    expect(displayText(45123, "m/d/yyyy")).toBe("7/16/2023");
    expect(displayText(45123.5, "yyyy-mm-dd hh:mm:ss")).toBe("2023-07-16 12:00:00");
    expect(displayText(45123, "mmm-yy")).toBe("Jul-23");
    expect(displayText(0.5, "h:mm AM/PM")).toBe("12:00 PM");
    // 1 May: what Excel makes of "1.5" typed in a cell in some locales.
    expect(displayText(45047, "d-mmm")).toBe("1-May");
    expect(displayText(1, "dd/mm/yyyy", true)).toBe("02/01/1904");
  });

  it("general text stays short and exact for integers", () => {
    expect(generalText(0)).toBe("0");
    expect(generalText(-42)).toBe("-42");
    expect(generalText(1e-10)).toBe("1E-10");
  });
});
