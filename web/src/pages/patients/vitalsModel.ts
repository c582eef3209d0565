/** The vitals form: its inputs with the API's limits, and the body of POST /api/vitals. */
import type { Schemas } from "../../api/client";

type NumericVital =
  | "height_m"
  | "weight_kg"
  | "temperature_c"
  | "pulse_bpm"
  | "respiratory_rate"
  | "o2_saturation"
  | "pain_level";

export interface VitalInput {
  field: NumericVital;
  label: string;
  min: number;
  max: number;
  /** Decimal places the API keeps (more is refused, not rounded). */
  decimals: number;
}

/** The bounds and precision of VitalsCreate in the API's contract. */
export const VITAL_INPUTS: readonly VitalInput[] = [
  { field: "height_m", label: "Height (m)", min: 0.3, max: 2.72, decimals: 2 },
  { field: "weight_kg", label: "Weight (kg)", min: 0.3, max: 500, decimals: 1 },
  { field: "temperature_c", label: "Temperature (°C)", min: 30, max: 45, decimals: 1 },
  { field: "pulse_bpm", label: "Pulse (beats/min)", min: 20, max: 250, decimals: 0 },
  {
    field: "respiratory_rate",
    label: "Respiratory rate (breaths/min)",
    min: 4,
    max: 60,
    decimals: 0,
  },
  { field: "o2_saturation", label: "O₂ saturation (%)", min: 50, max: 100, decimals: 0 },
  { field: "pain_level", label: "Pain level (0–10)", min: 0, max: 10, decimals: 0 },
];

export type VitalsValues = Record<NumericVital, number | string> & { blood_pressure: string };

export const EMPTY_VITALS: VitalsValues = {
  height_m: "",
  weight_kg: "",
  temperature_c: "",
  pulse_bpm: "",
  respiratory_rate: "",
  o2_saturation: "",
  pain_level: "",
  blood_pressure: "",
};

/** A NumberInput's value as a number, or undefined when empty or not a number. */
export function numberOf(value: number | string): number | undefined {
  if (typeof value === "string" && value.trim() === "") return undefined;
  const result = Number(value);
  return Number.isFinite(result) ? result : undefined;
}

/** The measurements typed, and nothing for the empty ones (the API wants at least one). */
export function vitalsBody(
  values: VitalsValues,
  patientId: number,
  appointmentId?: number,
): Schemas["VitalsCreate"] {
  const body: Schemas["VitalsCreate"] = { patient_id: patientId };
  if (appointmentId !== undefined) body.appointment_id = appointmentId;
  for (const { field } of VITAL_INPUTS) {
    const value = numberOf(values[field]);
    if (value !== undefined) body[field] = value;
  }
  if (values.blood_pressure.trim()) body.blood_pressure = values.blood_pressure.trim();
  return body;
}
