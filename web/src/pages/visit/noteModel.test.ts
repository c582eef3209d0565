import { describe, expect, it } from "vitest";
import { cleanCodes, createNoteBody, EMPTY_NOTE, noteChanges } from "./noteModel";

const note = {
  diagnosis: "Type 2 diabetes",
  icd10_codes: ["E11.9"],
  treatment_plan: "Metformin",
  notes: "",
};

describe("visit note bodies", () => {
  it("cleans the codes as the API stores them", () => {
    expect(cleanCodes([" e11.9", "E11.9", "", "i10"])).toEqual(["E11.9", "I10"]);
  });
  it("creates the note for the visit, leaving empty notes out", () => {
    expect(createNoteBody({ ...note, diagnosis: " Type 2 diabetes " }, 4, 12)).toEqual({
      patient_id: 4,
      appointment_id: 12,
      diagnosis: "Type 2 diabetes",
      icd10_codes: ["E11.9"],
      treatment_plan: "Metformin",
    });
  });
  it("amends only what changed", () => {
    expect(noteChanges(note, note)).toEqual({});
    expect(noteChanges({ ...note, icd10_codes: ["e11.9", "I10"], notes: "Recheck" }, note)).toEqual(
      { icd10_codes: ["E11.9", "I10"], notes: "Recheck" },
    );
    expect(noteChanges({ ...note, notes: "" }, { ...note, notes: "Old" })).toEqual({ notes: null });
    expect(noteChanges({ ...EMPTY_NOTE, treatment_plan: "Metformin" }, note)).toEqual({
      diagnosis: "",
      icd10_codes: [],
    });
  });
});
