import { describe, expect, it } from "vitest";
import { allowedOrigins, corsOrigin } from "./allowed-origins.ts";

describe("allowed origins", () => {
  it("defaults to the add-in's dev server", () => {
    expect(allowedOrigins(undefined)).toEqual(["https://localhost:3000"]);
    expect(allowedOrigins(" ")).toEqual(["https://localhost:3000"]);
  });

  it("takes a comma-separated list, trimmed, without trailing slashes", () => {
    const setting = "https://a.example/, https://b.example:8443";
    expect(allowedOrigins(setting)).toEqual(["https://a.example", "https://b.example:8443"]);
    expect(corsOrigin("https://b.example:8443", setting)).toBe("https://b.example:8443");
  });

  it("compares whole origins only", () => {
    const setting = "https://a.example";
    for (const o of ["https://a.example.evil", "http://a.example", "https://a.example:443x", "null"]) {
      expect(corsOrigin(o, setting)).toBeNull();
    }
  });
});
