import { Alert, Text, Title } from "@mantine/core";
import { useCallback, useMemo, useState, type ComponentType, type ReactNode } from "react";
import { useUser } from "../../auth/session";
import { Loading } from "../../components/Status";
import { can } from "../../lib/access";
import { BookingModal, RescheduleModal } from "./BookingModal";
import { useClinicDay, type ClinicDay } from "./DayNav";
import {
  groupBy,
  providerColumns,
  providerName,
  type Appointment,
  type Provider,
} from "./model";
import { VisitDialog } from "./VisitDialog";

/** A page the role has no use for: its title and why, instead of an empty page. */
export function NoAccess({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Title order={2} mb="md">
        {title}
      </Title>
      <Text>{children}</Text>
    </>
  );
}

/**
 * A page of the clinic's whole schedule (`what` of it): for the roles that see it, once the
 * clinic's calendar is known; the others are sent to their own visits.
 */
export function SchedulePage({
  title,
  what,
  view: View,
}: {
  title: string;
  what: string;
  view: ComponentType<ClinicDay>;
}) {
  const { role } = useUser();
  const clinic = useClinicDay();
  if (!can(role, "schedule"))
    return (
      <NoAccess title={title}>
        The clinic&apos;s {what} is for the front desk, doctors and administrators. Your own visits
        are under My day.
      </NoAccess>
    );
  if (!clinic) return <Loading label="Loading the clinic's calendar" />;
  return <View {...clinic} />;
}

const NO_VISITS: Appointment[] = [];

/** The visits on screen by provider, and the providers' columns (see `providerColumns`). */
export function useProviderGroups(
  providers: Provider[] | undefined,
  visits: Appointment[] | undefined,
) {
  const groups = useMemo(
    () => groupBy(visits ?? NO_VISITS, (visit) => visit.provider_user_id),
    [visits],
  );
  const ids = useMemo(() => providerColumns(providers ?? [], groups), [providers, groups]);
  return { groups, ids };
}

/** What was just done, said once at the top of the page. */
export function DoneNotice({ message, onClose }: { message: string | null; onClose: () => void }) {
  if (!message) return null;
  return (
    <Alert
      color="green"
      role="status"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
      mb="md"
    >
      {message}
    </Alert>
  );
}

export function useProviderNames(providers: Provider[] | undefined) {
  return useMemo(() => {
    const names = new Map<number, string>();
    for (const provider of providers ?? [])
      names.set(provider.provider_user_id, providerName(provider));
    return (id: number) => names.get(id) ?? `Former provider ${id}`;
  }, [providers]);
}

/**
 * The dialogs a schedule page opens: a visit's details and actions, moving it, booking a new
 * one; and the notice of what was done. `open` and `book` are stable, for memoized grids.
 */
export function useScheduleDialogs({
  today,
  timeZone,
  providers,
  visits,
}: {
  today: string;
  timeZone: string;
  providers: Provider[] | undefined;
  /** The visits on screen: an open visit shows their latest reading (after someone's change). */
  visits: Appointment[] | undefined;
}) {
  const [opened, setOpened] = useState<Appointment | null>(null);
  const shown =
    opened && (visits?.find((visit) => visit.appointment_id === opened.appointment_id) ?? opened);
  const [moving, setMoving] = useState<Appointment | null>(null);
  const [booking, setBooking] = useState<{ day: string; providerId?: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const nameOf = useProviderNames(providers);

  const open = useCallback((appointment: Appointment) => setOpened(appointment), []);
  const book = useCallback(
    (day: string, providerId?: number) => setBooking({ day, providerId }),
    [],
  );
  const done = (text: string) => {
    setOpened(null);
    setMoving(null);
    setBooking(null);
    setMessage(text);
  };

  const dialogs = (
    <>
      {shown && (
        <VisitDialog
          appointment={shown}
          providerLabel={nameOf(shown.provider_user_id)}
          timeZone={timeZone}
          onClose={() => setOpened(null)}
          onReschedule={(appointment) => {
            setOpened(null);
            setMoving(appointment);
          }}
          onDone={done}
        />
      )}
      {moving && (
        <RescheduleModal
          appointment={moving}
          providerLabel={nameOf(moving.provider_user_id)}
          today={today}
          timeZone={timeZone}
          onClose={() => setMoving(null)}
          onDone={done}
        />
      )}
      {booking && (
        <BookingModal
          day={booking.day}
          providerId={booking.providerId}
          today={today}
          timeZone={timeZone}
          onClose={() => setBooking(null)}
          onDone={done}
        />
      )}
    </>
  );
  const notice = <DoneNotice message={message} onClose={() => setMessage(null)} />;
  return { open, book, dialogs, notice, nameOf };
}
