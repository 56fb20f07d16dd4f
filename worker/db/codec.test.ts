import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbMoney } from "../../shared/consolidation/testing.ts";
import { doan2024 } from "../../shared/template/doan-2024.ts";
import { canonicalJson } from "../http/canonical-json.ts";
import { decodeRow, encodeRow, isEmptyRow, perUnitThresholds } from "./codec.ts";

describe("codec", () => {
  it("stores money as integer thousandths and reads it back exactly", () => {
    fc.assert(
      fc.property(arbMoney, arbMoney, (target, actual) => {
        const stored = encodeRow(doan2024, { code: "PT03", target, actual });
        expect(Number.isInteger(stored.t) && Number.isInteger(stored.a)).toBe(true);
        expect(decodeRow(doan2024, stored)).toEqual({ code: "PT03", target, actual });
      }),
    );
  });

  it("keeps counts as they are, a ratio's target only, a grade's code; blank stays blank", () => {
    expect(encodeRow(doan2024, { code: "PT02", target: 10, actual: 12 })).toMatchObject({ t: 10, a: 12 });
    const ratio = encodeRow(doan2024, { code: "GD06", target: 80.5, actual: 93 });
    expect(ratio).toMatchObject({ t: null, a: null, p: 80.5 });
    expect(decodeRow(doan2024, ratio)).toEqual({ code: "GD06", target: 80.5 });
    expect(encodeRow(doan2024, { code: "TD01", actual: "XS" })).toMatchObject({ g: "XS", a: null });
    expect(isEmptyRow(encodeRow(doan2024, { code: "PT02", actual: null, note: "" }))).toBe(true);
    expect(isEmptyRow(encodeRow(doan2024, { code: "PT02", note: "chưa có" }))).toBe(false);
  });

  it("lists per-unit targets in stored units", () => {
    expect(JSON.parse(perUnitThresholds())).toEqual({ PT04: 3 });
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every level and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
});
