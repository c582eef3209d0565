import { Badge, Group, Text } from "@mantine/core";
import type { Schemas } from "../api/client";

type AppointmentStatus = Schemas["AppointmentStatus"];

export const STATUSES: readonly AppointmentStatus[] = [
  "scheduled",
  "confirmed",
  "checked_in",
  "in_progress",
  "completed",
  "cancelled",
  "no_show",
];

export const STATUS_LABEL: Record<AppointmentStatus, string> = {
  scheduled: "Scheduled",
  confirmed: "Confirmed",
  checked_in: "Checked in",
  in_progress: "In progress",
  completed: "Completed",
  cancelled: "Cancelled",
  no_show: "No-show",
};

/** Mantine colours dark enough for white text (badges) and for a block's edge. */
export const STATUS_COLOR: Record<AppointmentStatus, string> = {
  scheduled: "gray",
  confirmed: "blue",
  checked_in: "violet",
  in_progress: "cyan",
  completed: "teal",
  cancelled: "red",
  no_show: "grape",
};

/**
 * A visit's status in words, on a colour dark enough for white text; never cut short in a
 * narrow table column.
 */
export function StatusBadge({ status }: { status: AppointmentStatus }) {
  return (
    <Badge color={`${STATUS_COLOR[status]}.9`} variant="filled" size="sm" miw="max-content">
      {STATUS_LABEL[status]}
    </Badge>
  );
}

/** What each colour on the grid means. */
export function StatusLegend() {
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" fw={500}>
        Statuses
      </Text>
      <Group gap={6} component="ul" aria-label="Statuses" p={0} m={0} style={{ listStyle: "none" }}>
        {STATUSES.map((status) => (
          <li key={status}>
            <StatusBadge status={status} />
          </li>
        ))}
      </Group>
    </Group>
  );
}
