/** The visit page's reads: the appointment, and the patient's records and vitals of this visit. */
import { useQuery } from "@tanstack/react-query";
import { api, type Schemas } from "../../api/client";
import { unwrap } from "../../api/errors";
import { collectPages } from "./collect";

type Appointment = Schemas["AppointmentRead"];

const PER_PAGE = 100;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export function useAppointment(appointmentId: number | undefined) {
  return useQuery({
    queryKey: ["appointments", appointmentId],
    queryFn: () =>
      unwrap(
        api.GET("/api/appointments/{appointment_id}", {
          params: { path: { appointment_id: appointmentId ?? 0 } },
        }),
      ),
    enabled: appointmentId !== undefined,
  });
}

/** A week before the visit: nothing of it can be older (the lists are newest first). */
function weekBefore(visit: Appointment): number {
  return Date.parse(visit.scheduled_start) - WEEK_MS;
}

/** The medical records written for this visit (the list filters by patient only). */
export function useVisitRecords(visit: Appointment, enabled: boolean) {
  return useQuery({
    queryKey: ["medical-records", visit.patient_id, "visit", visit.appointment_id],
    queryFn: () =>
      collectPages(
        async (page) => {
          const data = await unwrap(
            api.GET("/api/medical-records", {
              params: { query: { patient_id: visit.patient_id, page, per_page: PER_PAGE } },
            }),
          );
          return { items: data.records, hasNext: data.pagination.has_next };
        },
        {
          keep: (record) => record.appointment_id === visit.appointment_id,
          tooOld: (record) => Date.parse(`${record.record_date}T23:59:59Z`) < weekBefore(visit),
        },
      ),
    enabled,
  });
}

/** The vitals recorded for this visit. */
export function useVisitVitals(visit: Appointment, enabled: boolean) {
  return useQuery({
    queryKey: ["vitals", visit.patient_id, "visit", visit.appointment_id],
    queryFn: () =>
      collectPages(
        async (page) => {
          const data = await unwrap(
            api.GET("/api/vitals", {
              params: { query: { patient_id: visit.patient_id, page, per_page: PER_PAGE } },
            }),
          );
          return { items: data.vitals, hasNext: data.pagination.has_next };
        },
        {
          keep: (vitals) => vitals.appointment_id === visit.appointment_id,
          tooOld: (vitals) => Date.parse(vitals.recorded_at) < weekBefore(visit),
        },
      ),
    enabled,
  });
}
