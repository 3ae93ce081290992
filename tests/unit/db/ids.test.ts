import { describe, expect, it } from "vitest";
import { timeOrderedUuid, timeOrderedUuidFloor } from "../../../app/db/ids";

describe("timeOrderedUuid", () => {
  it("is a version 7 UUID carrying the time, ordered by it", () => {
    const a = timeOrderedUuid(Date.parse("2026-11-24T01:00:00Z"));
    const b = timeOrderedUuid(Date.parse("2026-11-24T01:00:00.001Z"));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(a.replace(/-/g, "").slice(0, 12), 16)).toBe(Date.parse("2026-11-24T01:00:00Z"));
    expect(a < b).toBe(true);
  });

  it("does not repeat within one millisecond", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => timeOrderedUuid(1_800_000_000_000)));
    expect(ids.size).toBe(10_000);
  });
});

describe("timeOrderedUuidFloor", () => {
  it("sorts above every id made before its millisecond and below every id made in it or after", () => {
    const at = Date.parse("2026-11-24T01:00:00Z");
    const floor = timeOrderedUuidFloor(at);
    for (let i = 0; i < 1_000; i++) {
      expect(timeOrderedUuid(at - 1) < floor).toBe(true);
      expect(timeOrderedUuid(at) >= floor).toBe(true);
      expect(timeOrderedUuid(at + 1) > floor).toBe(true);
    }
    expect(timeOrderedUuid(at - 30 * 86_400_000) < floor).toBe(true);
  });
});
