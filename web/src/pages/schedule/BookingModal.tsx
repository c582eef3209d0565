import { Button, Group, Radio, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import type { Schemas } from "../../api/client";
import { ErrorNotice } from "../../components/Status";
import { clockTime, dayOf, longDay } from "../../lib/time";
import { otherError, useBook, useReschedule } from "./actions";
import { useProviders } from "./data";
import { Dialog } from "./Dialog";
import { patientName, providerName, type Appointment, type Patient } from "./model";
import { NewPatientForm, PatientPicker } from "./PatientPicker";
import { SlotPicker, type Slot } from "./SlotPicker";
import { usePatientLabel } from "./ScheduleGrid";

type VisitType = Schemas["VisitType"];

const slotWords = (slot: Slot, timeZone: string) =>
  `${clockTime(slot.start, timeZone)} to ${clockTime(slot.end, timeZone)}`;

/**
 * Booking: a provider, a day and a length, one of the provider's free times, a patient (found as
 * one types, or added in place), the kind of visit and its reason.
 */
export function BookingModal({
  day,
  providerId,
  today,
  timeZone,
  onClose,
  onDone,
}: {
  day: string;
  providerId?: number;
  today: string;
  timeZone: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const providers = useProviders();
  const [provider, setProvider] = useState<string | null>(providerId ? String(providerId) : null);
  const [date, setDate] = useState(day < today ? today : day);
  const [duration, setDuration] = useState(30);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [patient, setPatient] = useState<Patient | null>(null);
  const [visitType, setVisitType] = useState<VisitType>("in_person");
  const [reason, setReason] = useState("");
  const [adding, setAdding] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const book = useBook();
  const missing: Record<string, string> = {};
  if (tried && !provider) missing.provider_user_id = "Choose a provider";
  if (tried && !slot) missing.scheduled_start = "Choose a free time";
  if (tried && !patient) missing.patient_id = "Choose a patient, or add a new one";
  const errors = { ...(book.error?.fieldErrors ?? {}), ...missing };
  const chosen = providers.data?.find((one) => String(one.provider_user_id) === provider);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!provider || !slot || !patient) return;
    book.mutate(
      {
        patient_id: patient.patient_id,
        provider_user_id: Number(provider),
        scheduled_start: slot.start,
        scheduled_end: slot.end,
        visit_type: visitType,
        reason: reason.trim() || null,
      },
      {
        onSuccess: () =>
          onDone(
            `Booked ${patientName(patient)} with ${chosen ? providerName(chosen) : "the provider"} on ` +
              `${longDay(date)}, ${slotWords(slot, timeZone)}.`,
          ),
      },
    );
  }

  if (adding !== null) {
    return (
      <Dialog title="Book a visit" onClose={onClose}>
        <NewPatientForm
          typed={adding}
          maxDob={today}
          onBack={() => setAdding(null)}
          onCreated={(created) => {
            setPatient(created);
            setAdding(null);
          }}
        />
      </Dialog>
    );
  }

  return (
    <Dialog title="Book a visit" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorNotice
            error={otherError(book.error, [
              "patient_id",
              "provider_user_id",
              "scheduled_start",
              "scheduled_end",
              "visit_type",
              "reason",
            ])}
            title="The visit was not booked"
          />
          <Select
            label="Provider"
            required
            searchable
            data={(providers.data ?? []).map((one) => ({
              value: String(one.provider_user_id),
              label: providerName(one),
            }))}
            value={provider}
            onChange={(value) => {
              setProvider(value);
              setSlot(null);
            }}
            placeholder={providers.isPending ? "Loading providers…" : "Choose a provider"}
            error={errors.provider_user_id}
            nothingFoundMessage="No provider by that name"
          />
          <SlotPicker
            providerId={provider ? Number(provider) : null}
            day={date}
            onDay={setDate}
            minDay={today}
            duration={duration}
            onDuration={setDuration}
            value={slot}
            onChange={setSlot}
            error={errors.scheduled_start ?? errors.scheduled_end}
            timeZone={timeZone}
          />
          <PatientPicker
            value={patient}
            onChange={setPatient}
            onNew={setAdding}
            error={errors.patient_id}
          />
          <Radio.Group
            label="Visit type"
            value={visitType}
            onChange={(value) => setVisitType(value as VisitType)}
            error={errors.visit_type}
          >
            <Group mt={4}>
              <Radio value="in_person" label="In person" />
              <Radio value="telehealth" label="Telehealth (video)" />
            </Group>
          </Radio.Group>
          <TextInput
            label="Reason for the visit"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={book.isPending}>
              Book visit
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

/** Moving a visit: another free time of the same provider; the visit keeps its length. */
export function RescheduleModal({
  appointment,
  providerLabel,
  today,
  timeZone,
  onClose,
  onDone,
}: {
  appointment: Appointment;
  providerLabel: string;
  today: string;
  timeZone: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const patient = usePatientLabel(appointment.patient_id);
  const length = Math.round(
    (Date.parse(appointment.scheduled_end) - Date.parse(appointment.scheduled_start)) / 60_000,
  );
  const current = { start: appointment.scheduled_start, end: appointment.scheduled_end };
  const currentDay = dayOf(appointment.scheduled_start, timeZone);
  const [date, setDate] = useState(currentDay < today ? today : currentDay);
  const [duration, setDuration] = useState(length);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [tried, setTried] = useState(false);
  const move = useReschedule();
  const errors = move.error?.fieldErrors ?? {};

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!slot) return;
    move.mutate(
      { appointment, start: slot.start, end: slot.end },
      {
        onSuccess: () =>
          onDone(`Moved ${patient}'s visit to ${longDay(date)}, ${slotWords(slot, timeZone)}.`),
      },
    );
  }

  return (
    <Dialog title="Reschedule visit" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {patient} with {providerLabel}, now on {longDay(currentDay)},{" "}
            {slotWords(current, timeZone)}.
          </Text>
          <ErrorNotice
            error={otherError(move.error, ["scheduled_start", "scheduled_end"])}
            title="The visit was not moved"
          />
          <SlotPicker
            providerId={appointment.provider_user_id}
            day={date}
            onDay={setDate}
            minDay={today}
            duration={duration}
            onDuration={setDuration}
            value={slot}
            onChange={setSlot}
            error={
              (tried && !slot ? "Choose a free time" : undefined) ??
              errors.scheduled_start ??
              errors.scheduled_end
            }
            timeZone={timeZone}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={move.isPending}>
              Move visit
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
