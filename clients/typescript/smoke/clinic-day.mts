// Log in, create a patient and book a visit through the types generated from openapi.json,
// with nothing but fetch. Usage: node clinic-day.mjs http://127.0.0.1:8000
import type { operations } from "../schema.js";

type Json<T> = T extends { content: { "application/json": infer Body } } ? Body : never;
type RequestOf<Id extends keyof operations> = Json<operations[Id]["requestBody"]>;
type AnswerOf<Id extends keyof operations, Status extends keyof operations[Id]["responses"]> = Json<
  operations[Id]["responses"][Status]
>;
type Error = AnswerOf<"appointments_create", 409>;

const baseUrl = process.argv[2];
if (baseUrl === undefined) {
  throw new Error("usage: node clinic-day.mjs BASE_URL");
}

async function send<Answer>(
  method: "GET" | "POST",
  path: string,
  expected: number,
  body?: unknown,
  token?: string,
): Promise<Answer> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token !== undefined) {
    headers["Authorization"] = `Bearer ${token}`;
  }
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
  }
  const response = await fetch(`${baseUrl}${path}`, init);
  const answer: unknown = await response.json();
  if (response.status !== expected) {
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  }
  return answer as Answer;
}

const credentials: RequestOf<"auth_login"> = { email: "admin@clinichub.com", password: "admin123" };
const login = await send<AnswerOf<"auth_login", 200>>("POST", "/api/login", 200, credentials);
const token = login.access_token;
console.log(`logged in as ${login.user.email} (${login.user.role})`);

const newPatient: RequestOf<"patients_create"> = {
  first_name: "Jane",
  last_name: "Doe",
  dob: "1985-02-11",
  sex: "female",
  phone: "7871234567",
};
const { patient } = await send<AnswerOf<"patients_create", 201>>(
  "POST",
  "/api/patients",
  201,
  newPatient,
  token,
);
console.log(`created patient ${patient.patient_id}`);

const { providers } = await send<AnswerOf<"providers_list", 200>>(
  "GET",
  "/api/providers?per_page=100",
  200,
  undefined,
  token,
);
const doctor = providers.find((provider) => provider.role === "doctor");
if (doctor === undefined) {
  throw new Error("no doctor among the providers");
}
const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
const inAWeek = new Date(Date.now() + 8 * 24 * 3600 * 1000).toISOString().slice(0, 10);
const { slots } = await send<AnswerOf<"providers_availability", 200>>(
  "GET",
  `/api/providers/${doctor.provider_user_id}/availability?date_from=${tomorrow}&date_to=${inAWeek}`,
  200,
  undefined,
  token,
);
const slot = slots[0];
if (slot === undefined) {
  throw new Error("no free slot in the coming week");
}

const booking: RequestOf<"appointments_create"> = {
  patient_id: patient.patient_id,
  provider_user_id: doctor.provider_user_id,
  scheduled_start: slot.start,
  scheduled_end: slot.end,
  reason: "General checkup",
};
const { appointment } = await send<AnswerOf<"appointments_create", 201>>(
  "POST",
  "/api/appointments",
  201,
  booking,
  token,
);
const status: "scheduled" | "confirmed" | "checked_in" | "in_progress" | "completed" | "cancelled" | "no_show" =
  appointment.status;
console.log(`booked appointment ${appointment.appointment_id} (${status}) at ${appointment.scheduled_start}`);

const conflict = await send<Error>("POST", "/api/appointments", 409, booking, token);
if (conflict.code !== "appointment_conflict" || conflict.conflict_appointment_id !== appointment.appointment_id) {
  throw new Error(`unexpected conflict answer: ${JSON.stringify(conflict)}`);
}
console.log(`the same slot again: 409 ${conflict.code}`);
