import { Badge, Group, Text } from "@mantine/core";
import { STATUSES, STATUS_COLOR, STATUS_LABEL, type AppointmentStatus } from "./model";

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
