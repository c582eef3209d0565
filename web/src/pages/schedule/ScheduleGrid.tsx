import { Box, Group, Text, Title } from "@mantine/core";
import { memo, useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { usePatientRecord } from "../../lib/patients";
import { clockTime } from "../../lib/time";
import classes from "./ScheduleGrid.module.css";
import {
  gridRange,
  layoutColumn,
  patientName,
  spanOnDay,
  isVacated,
  type Appointment,
  type Placed,
  type Span,
} from "./model";
import { STATUS_COLOR, STATUS_LABEL } from "../../components/StatusBadge";

/** One column of the grid: a provider on a day (Today) or a day of a provider (Week). */
export interface GridColumn {
  key: string;
  title: string;
  /** Beside the title, e.g. a button to book in this column. */
  extra?: ReactNode;
  day: string;
  /** Working hours, drawn light; null when the provider keeps none (open all day). */
  working: Span[] | null;
  visits: Appointment[];
}

const PX_PER_MINUTE = 1.6;
const AXIS_WIDTH = 56;
const HEADER_HEIGHT = 52;

const pad = (value: number) => String(value).padStart(2, "0");
const hourLabel = (minute: number) => `${pad(Math.floor(minute / 60))}:00`;

/** True once the element has been on screen: names are fetched only for columns someone sees. */
function useSeen(): [(node: HTMLElement | null) => void, boolean] {
  const [seen, setSeen] = useState(typeof IntersectionObserver === "undefined");
  const observer = useRef<IntersectionObserver | null>(null);
  const ref = useCallback((node: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!node || typeof IntersectionObserver === "undefined") return;
    observer.current = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setSeen(true);
          observer.current?.disconnect();
        }
      },
      { rootMargin: "200px" },
    );
    observer.current.observe(node);
  }, []);
  return [ref, seen];
}

/**
 * Visits side by side on a time grid in the clinic's time zone. Wide grids scroll sideways with
 * the time axis held in place; each column lays itself out once per change of its visits.
 */
export function ScheduleGrid({
  columns,
  timeZone,
  onOpen,
  label,
}: {
  columns: GridColumn[];
  timeZone: string;
  onOpen: (appointment: Appointment) => void;
  label: string;
}) {
  const range = useMemo(
    () =>
      gridRange(
        columns.flatMap((column) => [
          ...(column.working ?? []),
          ...column.visits.map((visit) => spanOnDay(visit, column.day, timeZone)),
        ]),
      ),
    [columns, timeZone],
  );
  const height = (range.end - range.start) * PX_PER_MINUTE;
  const hours = [];
  for (let minute = range.start; minute < range.end; minute += 60) hours.push(minute);

  return (
    <Box
      role="region"
      aria-label={label}
      tabIndex={0}
      style={{
        overflowX: "auto",
        border: "1px solid var(--mantine-color-gray-4)",
        borderRadius: 4,
      }}
    >
      {/* As wide as its columns, so that the time axis stays in view all the way across. */}
      <div style={{ display: "flex", width: "max-content", minWidth: "100%" }}>
        <div style={axis} aria-hidden="true">
          <div style={{ height: HEADER_HEIGHT }} />
          <div style={{ position: "relative", height, borderTop: border }}>
            {hours.map((minute) => (
              <Text
                key={minute}
                size="xs"
                pos="absolute"
                right={6}
                style={{ top: (minute - range.start) * PX_PER_MINUTE }}
              >
                {hourLabel(minute)}
              </Text>
            ))}
          </div>
        </div>
        {columns.map((column) => (
          <Column
            key={column.key}
            column={column}
            range={range}
            timeZone={timeZone}
            onOpen={onOpen}
          />
        ))}
      </div>
    </Box>
  );
}

const border = "1px solid var(--mantine-color-gray-4)";

const axis = {
  position: "sticky",
  left: 0,
  zIndex: 3,
  flex: `0 0 ${AXIS_WIDTH}px`,
  background: "var(--mantine-color-body)",
  borderRight: border,
} as const;

const Column = memo(function Column({
  column,
  range,
  timeZone,
  onOpen,
}: {
  column: GridColumn;
  range: Span;
  timeZone: string;
  onOpen: (appointment: Appointment) => void;
}) {
  const [ref, seen] = useSeen();
  const placed = useMemo(
    () => layoutColumn(column.visits, (visit) => spanOnDay(visit, column.day, timeZone)),
    [column.visits, column.day, timeZone],
  );
  const height = (range.end - range.start) * PX_PER_MINUTE;
  const at = (minute: number) => (Math.max(minute, range.start) - range.start) * PX_PER_MINUTE;
  return (
    <div ref={ref} style={{ flex: "1 0 150px", minWidth: 0, borderRight: border }}>
      <Group h={HEADER_HEIGHT} gap={4} px={6} justify="space-between" wrap="nowrap">
        <Title order={3} size="h6" style={{ minWidth: 0 }} lineClamp={2}>
          {column.title}
        </Title>
        {column.extra}
      </Group>
      <div
        style={{
          position: "relative",
          height,
          borderTop: border,
          background: column.working ? "var(--mantine-color-gray-1)" : undefined,
        }}
      >
        {column.working?.map((span) => (
          <div
            key={span.start}
            style={{
              position: "absolute",
              left: 0,
              right: 0,
              top: at(span.start),
              height: at(span.end) - at(span.start),
              background: "var(--mantine-color-body)",
            }}
          />
        ))}
        <div
          aria-hidden="true"
          className={classes.hours}
          style={{ ["--hour" as string]: `${60 * PX_PER_MINUTE}px` }}
        />
        {placed.map((block) => (
          <VisitBlock
            key={block.item.appointment_id}
            block={block}
            top={at(block.span.start)}
            height={Math.max(at(block.span.end) - at(block.span.start), 18)}
            timeZone={timeZone}
            showName={seen}
            onOpen={onOpen}
          />
        ))}
      </div>
    </div>
  );
});

const VisitBlock = memo(function VisitBlock({
  block,
  top,
  height,
  timeZone,
  showName,
  onOpen,
}: {
  block: Placed<Appointment>;
  top: number;
  height: number;
  timeZone: string;
  showName: boolean;
  onOpen: (appointment: Appointment) => void;
}) {
  const visit = block.item;
  const name = usePatientLabel(visit.patient_id, showName);
  const color = STATUS_COLOR[visit.status];
  const width = 100 / block.lanes;
  // Plain elements: a busy day draws hundreds of these.
  return (
    <button
      type="button"
      className={isVacated(visit.status) ? `${classes.block} ${classes.vacated}` : classes.block}
      onClick={() => onOpen(visit)}
      style={{
        top,
        height,
        left: `calc(${block.lane * width}% + 2px)`,
        width: `calc(${width}% - 4px)`,
        ["--block-fill" as string]: `var(--mantine-color-${color}-0)`,
        ["--block-edge" as string]: `var(--mantine-color-${color}-9)`,
      }}
    >
      <b>{clockTime(visit.scheduled_start, timeZone)}</b>{" "}
      <span className={visit.status === "cancelled" ? classes.struck : undefined}>{name}</span>{" "}
      <i>{STATUS_LABEL[visit.status]}</i>
    </button>
  );
});

/** The patient's name once fetched; their number meanwhile, or when it cannot be read. */
export function usePatientLabel(patientId: number, enabled = true): string {
  const patient = usePatientRecord(patientId, enabled);
  return patient.data ? patientName(patient.data) : `Patient ${patientId}`;
}
