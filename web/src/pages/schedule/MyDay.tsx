import { Anchor, Button, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useUser } from "../../auth/session";
import { ErrorNotice, Loading } from "../../components/Status";
import { can } from "../../lib/access";
import { clockTime, longDay } from "../../lib/time";
import { useVisits } from "./data";
import { DayNav, useClinicDay, type ClinicDay } from "./DayNav";
import type { Appointment } from "./model";
import { usePatientLabel } from "./ScheduleGrid";
import { NoAccess } from "./Shared";
import { StatusBadge } from "../../components/StatusBadge";
import { ListTable } from "../../components/ScrollTable";

/** A doctor's or nurse's own visits of a day, each a way into the visit and the patient. */
export default function MyDay() {
  const user = useUser();
  const clinic = useClinicDay();
  if (!can(user.role, "own_day"))
    return (
      <NoAccess title="My day">
        My day lists a doctor&apos;s or a nurse&apos;s own visits. The clinic&apos;s schedule is
        under Today.
      </NoAccess>
    );
  if (!clinic) return <Loading label="Loading the clinic's calendar" />;
  return <MyDayView userId={user.user_id} {...clinic} />;
}

function MyDayView({ userId, timeZone, today, day, setDay }: ClinicDay & { userId: number }) {
  const visits = useVisits({ date_from: day, date_to: day, provider_user_id: userId });
  const list = visits.data ?? [];
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>My day</Title>
        <Text size="sm">
          {longDay(day)}
          {day === today ? " (today)" : ""}
        </Text>
      </div>
      <DayNav day={day} today={today} onChange={setDay} />
      <ErrorNotice error={visits.error} title="Your visits could not be loaded" />
      {visits.isPending ? (
        <Loading label="Loading your visits" />
      ) : list.length === 0 ? (
        <Text>No visits on this day.</Text>
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {visits.isFetching
              ? "Updating…"
              : `${list.length} ${list.length === 1 ? "visit" : "visits"}.`}
          </Text>
          <ListTable
            label="My visits"
            minWidth={520}
            busy={visits.isFetching}
            // The visit's button beside its time, in view on a phone's width.
            columns={["Time", "Visit", "Patient", "Status", "Reason"]}
          >
            {list.map((visit) => (
              <VisitRow key={visit.appointment_id} visit={visit} timeZone={timeZone} />
            ))}
          </ListTable>
        </>
      )}
    </Stack>
  );
}

function VisitRow({ visit, timeZone }: { visit: Appointment; timeZone: string }) {
  const patient = usePatientLabel(visit.patient_id);
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        {clockTime(visit.scheduled_start, timeZone)}–{clockTime(visit.scheduled_end, timeZone)}
      </Table.Td>
      <Table.Td>
        <Button
          component={Link}
          to={`/visits/${visit.appointment_id}`}
          size="xs"
          variant="default"
          aria-label={`Open visit at ${clockTime(visit.scheduled_start, timeZone)} with ${patient}`}
        >
          Open visit
        </Button>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/patients/${visit.patient_id}`}>
          {patient}
        </Anchor>
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <StatusBadge status={visit.status} />
        {visit.visit_type === "telehealth" && (
          <Text size="xs" mt={2}>
            Telehealth
          </Text>
        )}
      </Table.Td>
      <Table.Td>{visit.reason ?? "—"}</Table.Td>
    </Table.Tr>
  );
}
