import { describe, expect, it } from "vitest";
import { countSegments } from "~/notifications/segments";

const MALAYALAM = "മ"; // one UTF-16 unit, outside GSM-7
const EMOJI = "📦"; // a surrogate pair: two UTF-16 units

describe("countSegments", () => {
  it.each<[string, string, "GSM-7" | "UCS-2", number]>([
    ["empty text", "", "GSM-7", 0],
    ["one character", "a", "GSM-7", 1],
    ["160 GSM characters", "a".repeat(160), "GSM-7", 1],
    ["161 GSM characters", "a".repeat(161), "GSM-7", 2],
    ["153 x 2 GSM characters", "a".repeat(306), "GSM-7", 2],
    ["153 x 2 + 1 GSM characters", "a".repeat(307), "GSM-7", 3],
    ["158 characters and a euro sign (160 septets)", "a".repeat(158) + "€", "GSM-7", 1],
    ["159 characters and a euro sign (161 septets)", "a".repeat(159) + "€", "GSM-7", 2],
    ["80 extension characters (160 septets)", "{}".repeat(40), "GSM-7", 1],
    ["Spanish with é, ñ, ¡ and ¿", "¿Listo? ¡Tu café llega mañana!", "GSM-7", 1],
    ["70 Malayalam characters", MALAYALAM.repeat(70), "UCS-2", 1],
    ["71 Malayalam characters", MALAYALAM.repeat(71), "UCS-2", 2],
    ["67 x 2 Malayalam characters", MALAYALAM.repeat(134), "UCS-2", 2],
    ["159 GSM characters and one Malayalam letter", "a".repeat(159) + MALAYALAM, "UCS-2", 3],
    ["35 emoji (70 units)", EMOJI.repeat(35), "UCS-2", 1],
    ["36 emoji (72 units)", EMOJI.repeat(36), "UCS-2", 2],
    ["a Spanish á", "Está", "UCS-2", 1],
  ])("counts %s", (_name, text, encoding, segments) => {
    const count = countSegments(text);
    expect(count.encoding).toBe(encoding);
    expect(count.segments).toBe(segments);
  });

  it("reports characters as a person counts them and units as the network does", () => {
    expect(countSegments("Total: 5€")).toMatchObject({ characters: 9, units: 10 });
    expect(countSegments(`ok ${EMOJI}`)).toMatchObject({ characters: 4, units: 5 });
  });

  it("does not split an emoji across two parts", () => {
    // GIVEN 66 units then an emoji: the emoji would straddle the 67-unit part boundary
    const text = MALAYALAM.repeat(66) + EMOJI + MALAYALAM.repeat(10);
    // THEN it moves whole to part two: 66 | 2 + 10
    expect(countSegments(text)).toMatchObject({ units: 78, segments: 2 });
    // and a part boundary forced by the pair costs a segment a plain ceil would not: 66 | 67 | 1
    const tight = MALAYALAM.repeat(66) + EMOJI + MALAYALAM.repeat(66);
    expect(countSegments(tight)).toMatchObject({ units: 134, segments: 3 });
  });

  it("does not split an escaped GSM character across two parts", () => {
    const text = "a".repeat(152) + "€" + "a".repeat(10);
    expect(countSegments(text)).toMatchObject({ encoding: "GSM-7", units: 164, segments: 2 });
    const tight = "a".repeat(152) + "€" + "a".repeat(152);
    expect(countSegments(tight)).toMatchObject({ units: 306, segments: 3 });
  });
});
