import { Badge } from "@mantine/core";
import type { Schemas } from "../../api/client";
import { STATUS_LABEL } from "./labels";

const TONE: Record<Schemas["AppointmentStatus"], string> = {
  scheduled: "gray",
  confirmed: "blue",
  checked_in: "cyan",
  in_progress: "violet",
  completed: "green",
  cancelled: "red",
  no_show: "orange",
};

/**
 * A visit's status; dark text on a light tone, readable in any of them; never cut short in
 * a narrow table column.
 */
export function StatusBadge({ status }: { status: Schemas["AppointmentStatus"] }) {
  return (
    <Badge variant="light" color={TONE[status]} c="dark.8" tt="none" miw="max-content">
      {STATUS_LABEL[status]}
    </Badge>
  );
}
