import { Table } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A table that scrolls sideways on a narrow screen; the scrolling region takes the keyboard's
 * focus (arrow keys scroll it) and is named for screen readers.
 */
export function ScrollTable({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer
      type="native"
      minWidth={minWidth}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      {children}
    </Table.ScrollContainer>
  );
}

/**
 * A list as a striped table in a ScrollTable: one header row of `columns` (the false ones left
 * out, for columns only some roles see), the rows as children, and below them `footer` (such as
 * the words for an empty list).
 */
export function ListTable({
  label,
  minWidth,
  columns,
  busy,
  highlightOnHover = false,
  footer,
  children,
}: {
  label: string;
  minWidth: number;
  columns: readonly (string | false)[];
  busy?: boolean;
  highlightOnHover?: boolean;
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <ScrollTable label={label} minWidth={minWidth}>
      <Table striped highlightOnHover={highlightOnHover} aria-busy={busy}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => column && <Table.Th key={column}>{column}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
      {footer}
    </ScrollTable>
  );
}
