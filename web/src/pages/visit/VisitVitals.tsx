import { Paper, Stack, Text, Title } from "@mantine/core";
import type { Schemas } from "../../api/client";
import { useUser } from "../../auth/session";
import { ErrorNotice, Loading } from "../../components/Status";
import { can } from "../../lib/access";
import { EntryHeader, VitalsSummary } from "../patients/ClinicalEntries";
import { dateTime } from "../../lib/time";
import { useStaffName } from "../patients/queries";
import { VitalsForm } from "../patients/VitalsForm";
import { useVisitVitals } from "./queries";

/** The vitals recorded for this visit, and the form to record more. */
export function VisitVitals({ visit, zone }: { visit: Schemas["AppointmentRead"]; zone: string }) {
  const { role } = useUser();
  const staffName = useStaffName();
  const vitals = useVisitVitals(visit, true);
  return (
    <section aria-labelledby="visit-vitals-title">
      <Title order={3} id="visit-vitals-title" mb="sm">
        Vitals
      </Title>
      <Stack>
        <ErrorNotice error={vitals.error} />
        {vitals.isPending ? (
          <Loading label="Loading the vitals" />
        ) : vitals.data?.length ? (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
            {vitals.data.map((measured) => (
              <Paper key={measured.vitals_id} withBorder p="sm" component="li">
                <EntryHeader kind="Vitals">
                  {dateTime(measured.recorded_at, zone)} · recorded by{" "}
                  {staffName(measured.recorded_by_user_id)}
                </EntryHeader>
                <VitalsSummary vitals={measured} />
              </Paper>
            ))}
          </Stack>
        ) : (
          !vitals.error && <Text>No vitals recorded for this visit yet.</Text>
        )}
        {can(role, "record_vitals") && (
          <>
            <Title order={4}>Record vitals</Title>
            <VitalsForm patientId={visit.patient_id} appointmentId={visit.appointment_id} />
          </>
        )}
      </Stack>
    </section>
  );
}
