/**
 * What the schedule changes: book, move, change a status, cancel, add a patient. Each refetches
 * the schedule's queries on success; a double booking's 409 is reworded to name the visit that
 * holds the slot.
 */
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useAction } from "../../api/actions";
import { api, type Schemas } from "../../api/client";
import { useClinic } from "../../api/clinic";
import { RequestFailed, unwrap } from "../../api/errors";
import { patientQuery } from "../../lib/patients";
import { providersQuery } from "./data";
import {
  conflictSentence,
  patientName,
  providerName,
  type Appointment,
  type AppointmentStatus,
} from "./model";

const SCHEDULE = [["appointments"]];

/** "ETag" of the version the page shows: a change made meanwhile by someone else is a 412. */
const ifMatch = (appointment: Appointment) => ({ "If-Match": `"${appointment.version}"` });

/**
 * The 409's occupying visit, in words ("Dr Ana Santos already has a visit with Jane Doe from
 * 10:00 to 10:30."), or the error as it came when there is none or it cannot be read.
 */
async function explainConflict(
  error: unknown,
  timeZone: string | undefined,
  queryClient: QueryClient,
): Promise<unknown> {
  const id = error instanceof RequestFailed ? error.body?.conflict_appointment_id : null;
  if (!(error instanceof RequestFailed) || !id || !timeZone || !error.body) return error;
  try {
    const other = await unwrap(
      api.GET("/api/appointments/{appointment_id}", { params: { path: { appointment_id: id } } }),
    );
    const [providers, patient] = await Promise.all([
      queryClient.fetchQuery(providersQuery),
      queryClient.fetchQuery(patientQuery(other.patient_id)),
    ]);
    const provider = providers.find((one) => one.provider_user_id === other.provider_user_id);
    const sentence = conflictSentence({
      code: error.body.code,
      provider: provider ? providerName(provider) : "The provider",
      patient: patientName(patient),
      start: other.scheduled_start,
      end: other.scheduled_end,
      timeZone,
    });
    return new RequestFailed(error.status, { ...error.body, error: sentence });
  } catch {
    return error;
  }
}

/**
 * A change to the schedule. When it meets someone else's change (409: the time was taken or
 * the status moved on; 412: the visit changed since it was read), the schedule is read again so
 * that the page shows what is now true; a double booking names the visit in the way.
 */
function useScheduleCall() {
  const queryClient = useQueryClient();
  const timeZone = useClinic()?.timezone;
  return async <T>(call: Promise<T>): Promise<T> => {
    try {
      return await call;
    } catch (error) {
      if (error instanceof RequestFailed && (error.status === 409 || error.status === 412)) {
        void queryClient.invalidateQueries({ queryKey: SCHEDULE[0] });
      }
      throw await explainConflict(error, timeZone, queryClient);
    }
  };
}

export function useBook() {
  const call = useScheduleCall();
  return useAction(
    (body: Schemas["AppointmentCreate"], key: string) =>
      call(
        unwrap(
          api.POST("/api/appointments", { body, params: { header: { "Idempotency-Key": key } } }),
        ),
      ),
    { invalidates: SCHEDULE },
  );
}

export function useReschedule() {
  const call = useScheduleCall();
  return useAction(
    ({ appointment, start, end }: { appointment: Appointment; start: string; end: string }) =>
      call(
        unwrap(
          api.PUT("/api/appointments/{appointment_id}", {
            params: {
              path: { appointment_id: appointment.appointment_id },
              header: ifMatch(appointment),
            },
            body: { scheduled_start: start, scheduled_end: end },
          }),
        ),
      ),
    { invalidates: SCHEDULE },
  );
}

export function useSetStatus() {
  const call = useScheduleCall();
  return useAction(
    ({ appointment, status }: { appointment: Appointment; status: AppointmentStatus }) =>
      call(
        unwrap(
          api.PUT("/api/appointments/{appointment_id}", {
            params: {
              path: { appointment_id: appointment.appointment_id },
              header: ifMatch(appointment),
            },
            body: { status },
          }),
        ),
      ),
    { invalidates: SCHEDULE },
  );
}

export function useCancel() {
  const call = useScheduleCall();
  return useAction(
    ({ appointment, reason }: { appointment: Appointment; reason: string }) =>
      call(
        unwrap(
          api.DELETE("/api/appointments/{appointment_id}", {
            params: {
              path: { appointment_id: appointment.appointment_id },
              query: { reason: reason || undefined },
            },
          }),
        ),
      ),
    { invalidates: SCHEDULE },
  );
}

export function useCreatePatient() {
  return useAction(
    (body: Schemas["PatientCreate"], key: string) =>
      unwrap(api.POST("/api/patients", { body, params: { header: { "Idempotency-Key": key } } })),
    { invalidates: [["patients"]] },
  );
}

/**
 * The error to show in the form's one notice: none when every field the API named sits next to
 * its input on this form, else the error (its sentence names what went wrong).
 */
export function otherError(
  error: RequestFailed | null,
  fields: readonly string[],
): RequestFailed | null {
  if (!error) return null;
  const named = Object.keys(error.fieldErrors);
  return named.length > 0 && named.every((field) => fields.includes(field)) ? null : error;
}
