// Log in, create a patient, book a visit and keep its referral letter, through the types
// generated from openapi.json, with nothing but fetch. Usage: node clinic-day.mjs http://127.0.0.1:8000
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

// The patient's referral letter (a one-page PDF): uploaded as a multipart form whose fields are
// typed by the contract, then downloaded byte for byte, its ETag the SHA-256 the upload named.
type Upload = operations["documents_upload"]["requestBody"]["content"]["multipart/form-data"];
const letter = Buffer.from(
  "JVBERi0xLjMKJeLjz9MKMSAwIG9iago8PAovUHJvZHVjZXIgKHB5cGRmKQo+PgplbmRvYmoKMiAwIG9iago8PAovVHlwZSAvUGFnZXMKL0NvdW50IDEKL0tpZHMgWyA0IDAgUiBdCj4+CmVuZG9iagozIDAgb2JqCjw8Ci9UeXBlIC9DYXRhbG9nCi9QYWdlcyAyIDAgUgo+PgplbmRvYmoKNCAwIG9iago8PAovVHlwZSAvUGFnZQovUmVzb3VyY2VzIDw8Cj4+Ci9NZWRpYUJveCBbIDAuMCAwLjAgNjEyIDc5MiBdCi9QYXJlbnQgMiAwIFIKPj4KZW5kb2JqCnhyZWYKMCA1CjAwMDAwMDAwMDAgNjU1MzUgZiAKMDAwMDAwMDAxNSAwMDAwMCBuIAowMDAwMDAwMDU0IDAwMDAwIG4gCjAwMDAwMDAxMTMgMDAwMDAgbiAKMDAwMDAwMDE2MiAwMDAwMCBuIAp0cmFpbGVyCjw8Ci9TaXplIDUKL1Jvb3QgMyAwIFIKL0luZm8gMSAwIFIKPj4Kc3RhcnR4cmVmCjI1NgolJUVPRgo=",
  "base64",
);
const fields: Omit<Upload, "file"> = { kind: "referral", title: "Cardiology referral" };
const form = new FormData();
form.append("file", new Blob([letter], { type: "application/pdf" }), "referral.pdf");
form.append("kind", fields.kind);
if (typeof fields.title === "string") {
  form.append("title", fields.title);
}
const uploadResponse = await fetch(`${baseUrl}/api/patients/${patient.patient_id}/documents`, {
  method: "POST",
  headers: { Authorization: `Bearer ${token}` },
  body: form,
});
if (uploadResponse.status !== 201) {
  throw new Error(`upload: ${uploadResponse.status} ${await uploadResponse.text()}`);
}
const { document } = (await uploadResponse.json()) as AnswerOf<"documents_upload", 201>;
const download = await fetch(`${baseUrl}/api/documents/${document.document_id}/content`, {
  headers: { Authorization: `Bearer ${token}` },
});
const downloaded = Buffer.from(await download.arrayBuffer());
if (!downloaded.equals(letter) || download.headers.get("etag") !== `"${document.sha256}"`) {
  throw new Error(`the download differs from the upload: ${download.status}`);
}
console.log(`document ${document.document_id} (${document.kind}) uploaded and downloaded intact`);
