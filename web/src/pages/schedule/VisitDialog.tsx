import { Anchor, Button, Group, Stack, Table, TextInput } from "@mantine/core";
import { useState, type FormEvent, type ReactNode } from "react";
import { Link } from "react-router";
import { useUser } from "../../auth/session";
import { ErrorNotice } from "../../components/Status";
import { can } from "../../lib/access";
import { clockTime, dayOf, longDay } from "../../lib/time";
import { otherError, useCancel, useSetStatus } from "./actions";
import { Dialog } from "./Dialog";
import {
  visitActions,
  type Appointment,
  type AppointmentStatus,
  type VisitAction,
} from "./model";
import { usePatientLabel } from "./ScheduleGrid";
import { STATUS_LABEL, StatusBadge } from "../../components/StatusBadge";

/** The status changes offered as buttons, in the order of a visit's day. */
const STEPS: { action: VisitAction; status: AppointmentStatus; label: string }[] = [
  { action: "confirm", status: "confirmed", label: "Confirm" },
  { action: "check_in", status: "checked_in", label: "Check in" },
  { action: "no_show", status: "no_show", label: "Mark no-show" },
];

/** One visit: its facts, and the buttons for what the caller's role may do with it now. */
export function VisitDialog({
  appointment,
  providerLabel,
  timeZone,
  onClose,
  onReschedule,
  onDone,
}: {
  appointment: Appointment;
  providerLabel: string;
  timeZone: string;
  onClose: () => void;
  onReschedule: (appointment: Appointment) => void;
  onDone: (message: string) => void;
}) {
  const { role } = useUser();
  const patient = usePatientLabel(appointment.patient_id);
  const setStatus = useSetStatus();
  const cancel = useCancel();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const actions = visitActions(appointment, role, new Date());
  const steps = STEPS.filter((step) => actions.includes(step.action));
  const start = clockTime(appointment.scheduled_start, timeZone);
  const time = `${start} to ${clockTime(appointment.scheduled_end, timeZone)}`;
  const day = longDay(dayOf(appointment.scheduled_start, timeZone));

  function change(status: AppointmentStatus) {
    setStatus.mutate(
      { appointment, status },
      { onSuccess: () => onDone(`${patient}'s visit at ${time}: ${STATUS_LABEL[status]}.`) },
    );
  }

  function submitCancel(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!reason.trim()) return;
    cancel.mutate(
      { appointment, reason: reason.trim() },
      { onSuccess: () => onDone(`Cancelled ${patient}'s visit at ${time}.`) },
    );
  }

  const facts: [string, ReactNode][] = [
    [
      "Patient",
      <Anchor component={Link} to={`/patients/${appointment.patient_id}`}>
        {patient}
      </Anchor>,
    ],
    ["Provider", providerLabel],
    ["When", `${day}, ${time}`],
    ["Status", <StatusBadge status={appointment.status} />],
    ["Visit type", appointment.visit_type === "telehealth" ? "Telehealth (video)" : "In person"],
    ["Reason", appointment.reason ?? "—"],
  ];
  if (appointment.cancellation_reason)
    facts.push(["Why cancelled", appointment.cancellation_reason]);
  if (appointment.telehealth_url)
    facts.push([
      "Video link",
      <Anchor href={appointment.telehealth_url} target="_blank" rel="noopener noreferrer">
        Open the video room
      </Anchor>,
    ]);

  return (
    <Dialog title="Visit details" onClose={onClose}>
      <Stack>
        <Table variant="vertical" layout="fixed" withTableBorder>
          <Table.Tbody>
            {facts.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={130}>{label}</Table.Th>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ErrorNotice error={setStatus.error} title="The status was not changed" />
        {cancelling ? (
          <form onSubmit={submitCancel} noValidate>
            <Stack gap="sm">
              <ErrorNotice
                error={otherError(cancel.error, ["reason"])}
                title="The visit was not cancelled"
              />
              <TextInput
                label="Reason for cancelling"
                required
                data-autofocus
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={
                  (tried && !reason.trim() ? "Say why the visit is cancelled" : undefined) ??
                  cancel.error?.fieldErrors.reason
                }
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setCancelling(false)}>
                  Keep the visit
                </Button>
                <Button type="submit" color="red.8" loading={cancel.isPending}>
                  Cancel visit
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Group gap="xs">
            {steps.map(({ status, label }) => (
              <Button
                key={status}
                variant={status === "checked_in" ? "filled" : "default"}
                loading={setStatus.isPending && setStatus.variables.status === status}
                disabled={setStatus.isPending}
                onClick={() => change(status)}
              >
                {label}
              </Button>
            ))}
            {actions.includes("reschedule") && (
              <Button variant="default" onClick={() => onReschedule(appointment)}>
                Reschedule
              </Button>
            )}
            {actions.includes("cancel") && (
              <Button variant="default" color="red.8" onClick={() => setCancelling(true)}>
                Cancel visit…
              </Button>
            )}
            {can(role, "clinical") && (
              <Button
                variant="default"
                component={Link}
                to={`/visits/${appointment.appointment_id}`}
              >
                Open visit
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Dialog>
  );
}
