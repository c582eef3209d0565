import { Anchor, Box, Divider, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useClinic } from "../../api/clinic";
import { RequestFailed } from "../../api/errors";
import { useUser } from "../../auth/session";
import { ErrorNotice, Loading } from "../../components/Status";
import { can } from "../../lib/access";
import { span } from "../patients/format";
import { VISIT_TYPE_LABEL } from "../patients/labels";
import { idParam, usePatient, useStaffName } from "../patients/queries";
import { StatusBadge } from "../../components/StatusBadge";
import { useAppointment } from "./queries";
import { VisitActions } from "./VisitActions";
import { VisitDocuments } from "./VisitDocuments";
import { VisitNote } from "./VisitNote";
import { VisitVitals } from "./VisitVitals";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="sm" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </Box>
  );
}

export default function VisitPage() {
  const appointmentId = idParam(useParams().appointmentId);
  const { role } = useUser();
  const clinic = useClinic();
  const staffName = useStaffName();
  const appointment = useAppointment(appointmentId);
  const visit = appointment.data;
  const patient = usePatient(visit?.patient_id);

  const missing =
    appointmentId === undefined ||
    (appointment.error instanceof RequestFailed && appointment.error.status === 404);
  if (missing || appointment.error) {
    return (
      <>
        <Title order={2} mb="md">
          Visit
        </Title>
        {missing ? (
          <Text>No visit has this address: it may belong to an archived patient.</Text>
        ) : (
          <ErrorNotice error={appointment.error} />
        )}
      </>
    );
  }
  if (!visit || !clinic) return <Loading label="Loading the visit" />;
  const zone = clinic.timezone;
  const reload = () => void appointment.refetch();

  return (
    <Stack gap="xl">
      <div>
        <Title order={2} mb="sm">
          Visit
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} m={0}>
          <Fact label="Patient">
            <Anchor component={Link} to={`/patients/${visit.patient_id}`}>
              {patient.data
                ? `${patient.data.first_name} ${patient.data.last_name}`
                : `Patient #${visit.patient_id}`}
            </Anchor>
          </Fact>
          <Fact label="When">{span(visit.scheduled_start, visit.scheduled_end, zone)}</Fact>
          <Fact label="Status">
            <StatusBadge status={visit.status} />
          </Fact>
          <Fact label="Provider">{staffName(visit.provider_user_id)}</Fact>
          <Fact label="Type">
            {VISIT_TYPE_LABEL[visit.visit_type]}
            {visit.telehealth_url && (
              <>
                {" · "}
                <Anchor href={visit.telehealth_url} target="_blank" rel="noopener noreferrer">
                  Join the call
                </Anchor>
              </>
            )}
          </Fact>
          <Fact label="Reason">{visit.reason ?? "—"}</Fact>
          <Fact label="CPT code">
            {visit.cpt_code ??
              (visit.status === "completed"
                ? `The clinic's default (${clinic.default_cpt_code})`
                : `None set: the clinic's default (${clinic.default_cpt_code}) will be billed`)}
            {visit.cpt_id !== null ? ` · charge #${visit.cpt_id}` : ""}
          </Fact>
          {visit.cancellation_reason && (
            <Fact label="Cancellation reason">{visit.cancellation_reason}</Fact>
          )}
        </SimpleGrid>
        {visit.notes && (
          <Group mt="sm">
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              <Text component="span" fw={600} size="sm">
                Booking notes:{" "}
              </Text>
              {visit.notes}
            </Text>
          </Group>
        )}
      </div>
      <VisitActions visit={visit} onReload={reload} />
      {can(role, "clinical") && (
        <>
          <Divider />
          <VisitNote visit={visit} zone={zone} />
          <Divider />
          <VisitVitals visit={visit} zone={zone} />
          <Divider />
          <VisitDocuments patientId={visit.patient_id} zone={zone} />
        </>
      )}
    </Stack>
  );
}
