/**
 * The body-mass index as the nurse types, for display only: the stored BMI is the server's.
 * Same formula as the server: kg/m², one decimal rounded half up; WHO adult categories.
 */
import type { Schemas } from "../api/client";

export type BmiCategory = Schemas["BmiCategory"];

export const CATEGORY_LABEL: Record<BmiCategory, string> = {
  underweight: "Underweight",
  normal: "Normal weight",
  overweight: "Overweight",
  obese: "Obese",
};

export function bmi(
  heightM: number | undefined,
  weightKg: number | undefined,
): { value: number; category: BmiCategory } | null {
  if (!heightM || !weightKg || heightM <= 0 || weightKg <= 0) return null;
  const value = Math.round((weightKg / (heightM * heightM)) * 10 + Number.EPSILON) / 10;
  if (!Number.isFinite(value)) return null;
  const category: BmiCategory =
    value < 18.5 ? "underweight" : value < 25 ? "normal" : value < 30 ? "overweight" : "obese";
  return { value, category };
}
