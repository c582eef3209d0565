import { Group, Pagination, Text } from "@mantine/core";
import type { Schemas } from "../api/client";

/** The API's pagination block as page controls, with the total in words. */
export function Pager({
  pagination,
  onChange,
  noun,
}: {
  pagination: Schemas["Pagination"] | undefined;
  onChange: (page: number) => void;
  /** The thing counted: one, many ("invoice", "invoices"). */
  noun: readonly [string, string];
}) {
  if (!pagination) return null;
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed">
        {pagination.total} {noun[pagination.total === 1 ? 0 : 1]}
      </Text>
      {pagination.pages > 1 && (
        <Pagination
          total={pagination.pages}
          value={pagination.page}
          onChange={onChange}
          size="sm"
          getControlProps={(control) => ({ "aria-label": `${control} page` })}
          getItemProps={(page) => ({ "aria-label": `Page ${page}` })}
        />
      )}
    </Group>
  );
}
