import { describe, expect, it } from "vitest";
import { stepMessages } from "~/i18n/steps";
import { STEPS_BY_TRIGGER } from "~/notifications/templates";
import { DELAY_STEPS, TRIGGERS } from "~/notifications/types";

describe("step names", () => {
  it("names every trigger and step Herald sends, and every kind of delay", () => {
    expect(Object.keys(stepMessages.en.triggers).sort()).toEqual([...TRIGGERS].sort());
    expect(Object.keys(stepMessages.en.steps).sort()).toEqual(TRIGGERS.flatMap((t) => [...STEPS_BY_TRIGGER[t]]).sort());
    expect(Object.keys(stepMessages.en.kinds).sort()).toEqual([...DELAY_STEPS].sort());
  });
});
