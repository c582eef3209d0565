import { describe, expect, it } from "vitest";
import { changedFields, type CptCode } from "./CptForm";

const code: CptCode = {
  code: "99213",
  description: "Office visit, established patient",
  category: "Office Visit",
  price_cents: 15000,
  currency: "USD",
  is_active: true,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
};

describe("a CPT code's changes", () => {
  it("sends only the fields that changed", () => {
    expect(
      changedFields(code, {
        description: code.description,
        category: code.category,
        price_cents: 16000,
        is_active: false,
      }),
    ).toEqual({ price_cents: 16000, is_active: false });
  });
  it("is empty when nothing changed", () => {
    expect(changedFields(code, { ...code })).toEqual({});
  });
});
