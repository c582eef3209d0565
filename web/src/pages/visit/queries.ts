/** The visit page's reads: the appointment, and the patient's records and vitals of this visit. */
import { useQuery } from "@tanstack/react-query";
import { api, type Schemas } from "../../api/client";
import { unwrap } from "../../api/errors";

type Appointment = Schemas["AppointmentRead"];

const PER_PAGE = 100;

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

/** The medical records written for this visit (a visit has a few; one page holds them). */
export function useVisitRecords(visit: Appointment, enabled: boolean) {
  return useQuery({
    queryKey: ["medical-records", visit.patient_id, "visit", visit.appointment_id],
    queryFn: async () =>
      (
        await unwrap(
          api.GET("/api/medical-records", {
            params: { query: { appointment_id: visit.appointment_id, per_page: PER_PAGE } },
          }),
        )
      ).records,
    enabled,
  });
}

/** The vitals recorded for this visit. */
export function useVisitVitals(visit: Appointment, enabled: boolean) {
  return useQuery({
    queryKey: ["vitals", visit.patient_id, "visit", visit.appointment_id],
    queryFn: async () =>
      (
        await unwrap(
          api.GET("/api/vitals", {
            params: { query: { appointment_id: visit.appointment_id, per_page: PER_PAGE } },
          }),
        )
      ).vitals,
    enabled,
  });
}
