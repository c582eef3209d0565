import { Anchor, Button, Divider, Group, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useClinic } from "../../api/clinic";
import { RequestFailed } from "../../api/errors";
import { useUser } from "../../auth/session";
import { ErrorNotice, Loading } from "../../components/Status";
import { can } from "../../lib/access";
import { ArchivePatient } from "./ArchivePatient";
import { Documents } from "./Documents";
import { Insurance } from "./Insurance";
import { PatientAppointments } from "./PatientAppointments";
import { PatientDetails } from "./PatientDetails";
import { PatientInvoices } from "./PatientInvoices";
import { idParam, usePatient } from "./queries";
import { Timeline } from "./Timeline";
import { VitalsForm } from "./VitalsForm";

export default function PatientPage() {
  const patientId = idParam(useParams().patientId);
  const { role } = useUser();
  const clinic = useClinic();
  const patient = usePatient(patientId);

  if (
    patientId === undefined ||
    (patient.error instanceof RequestFailed && patient.error.status === 404)
  ) {
    return (
      <>
        <Title order={2} mb="md">
          Patient not found
        </Title>
        <Text mb="md">
          No patient on file has this address: the patient may have been archived.
        </Text>
        <Anchor component={Link} to="/patients">
          Back to the patients
        </Anchor>
      </>
    );
  }
  if (patient.error) {
    return (
      <>
        <Title order={2} mb="md">
          Patient
        </Title>
        <ErrorNotice error={patient.error} />
      </>
    );
  }
  if (!patient.data || !clinic) return <Loading label="Loading the patient" />;
  const zone = clinic.timezone;

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-start">
        <div>
          <Anchor component={Link} to="/patients" size="sm">
            Patients
          </Anchor>
          <Title order={2}>
            {patient.data.first_name} {patient.data.last_name}
          </Title>
        </div>
        <Group gap="sm">
          {can(role, "admin") && (
            <Button component={Link} to={`/patients/${patientId}/access-log`} variant="default">
              Access log
            </Button>
          )}
          {can(role, "archive_patient") && <ArchivePatient patient={patient.data} />}
        </Group>
      </Group>
      <PatientDetails patient={patient.data} />
      <Divider />
      <Insurance patientId={patientId} />
      <Divider />
      <Documents patientId={patientId} zone={zone} />
      <Divider />
      <PatientAppointments patientId={patientId} zone={zone} />
      {can(role, "record_vitals") && (
        <>
          <Divider />
          <section aria-labelledby="vitals-title">
            <Title order={3} id="vitals-title" mb="sm">
              Record vitals
            </Title>
            <VitalsForm patientId={patientId} />
          </section>
        </>
      )}
      {can(role, "clinical") && (
        <>
          <Divider />
          <Timeline patientId={patientId} zone={zone} />
        </>
      )}
      {can(role, "billing") && (
        <>
          <Divider />
          <PatientInvoices patientId={patientId} zone={zone} />
        </>
      )}
    </Stack>
  );
}
