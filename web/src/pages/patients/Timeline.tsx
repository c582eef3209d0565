import { Anchor, Button, Paper, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api } from "../../api/client";
import { unwrap } from "../../api/errors";
import { ErrorNotice, Loading } from "../../components/Status";
import { clockTime, longDay } from "../../lib/time";
import { EntryHeader, NoteContent, VitalsSummary } from "./ClinicalEntries";
import { useStaffName } from "./queries";
import { mergeTimeline, type TimelineEntry } from "./timeline";

const PER_PAGE = 50;

function nextPage(last: { pagination: { has_next: boolean; page: number } }) {
  return last.pagination.has_next ? last.pagination.page + 1 : undefined;
}

/** Both clinical lists of a patient, read a page at a time, newest first. */
function useClinicalPages(patientId: number) {
  const records = useInfiniteQuery({
    queryKey: ["medical-records", patientId],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/medical-records", {
          params: { query: { patient_id: patientId, page: pageParam, per_page: PER_PAGE } },
        }),
      ),
    initialPageParam: 1,
    getNextPageParam: nextPage,
  });
  const vitals = useInfiniteQuery({
    queryKey: ["vitals", patientId],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/vitals", {
          params: { query: { patient_id: patientId, page: pageParam, per_page: PER_PAGE } },
        }),
      ),
    initialPageParam: 1,
    getNextPageParam: nextPage,
  });
  return { records, vitals };
}

function Entry({ entry, zone }: { entry: TimelineEntry; zone: string }) {
  const staffName = useStaffName();
  const visit = entry.kind === "record" ? entry.record.appointment_id : entry.vitals.appointment_id;
  return (
    <Paper withBorder p="sm" component="li">
      {entry.kind === "record" ? (
        <>
          <EntryHeader kind="Medical record">
            {clockTime(entry.at, zone)} · {staffName(entry.record.provider_user_id)}
            {entry.record.version > 1 ? ` · amended (version ${entry.record.version})` : ""}
          </EntryHeader>
          <NoteContent note={entry.record} />
        </>
      ) : (
        <>
          <EntryHeader kind="Vitals">
            {clockTime(entry.at, zone)} · recorded by {staffName(entry.vitals.recorded_by_user_id)}
          </EntryHeader>
          <VitalsSummary vitals={entry.vitals} />
        </>
      )}
      {visit !== null && (
        <Anchor component={Link} to={`/visits/${visit}`} size="sm">
          Open the visit
        </Anchor>
      )}
    </Paper>
  );
}

/** The visit history: medical records and vitals on one timeline of clinic days. */
export function Timeline({ patientId, zone }: { patientId: number; zone: string }) {
  const { records, vitals } = useClinicalPages(patientId);
  const loading = records.isPending || vitals.isPending;
  const { days, complete } = mergeTimeline(
    {
      items: records.data?.pages.flatMap((page) => page.records) ?? [],
      complete: !records.hasNextPage,
    },
    {
      items: vitals.data?.pages.flatMap((page) => page.vitals) ?? [],
      complete: !vitals.hasNextPage,
    },
    zone,
  );
  const fetchingMore = records.isFetchingNextPage || vitals.isFetchingNextPage;

  return (
    <section aria-labelledby="history-title">
      <Title order={3} id="history-title" mb="sm">
        Visit history
      </Title>
      <ErrorNotice error={records.error ?? vitals.error} />
      {loading ? (
        <Loading label="Loading the visit history" />
      ) : days.length === 0 && complete ? (
        <Text>No medical records or vitals yet.</Text>
      ) : (
        <Stack gap="md">
          {days.map((day) => (
            <div key={day.day}>
              <Title order={4} size="h5" mb={4}>
                {longDay(day.day)}
              </Title>
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
                {day.entries.map((entry) => (
                  <Entry key={entry.key} entry={entry} zone={zone} />
                ))}
              </Stack>
            </div>
          ))}
        </Stack>
      )}
      {!loading && !complete && (
        <Button
          variant="default"
          mt="md"
          loading={fetchingMore}
          onClick={() => {
            if (records.hasNextPage) void records.fetchNextPage();
            if (vitals.hasNextPage) void vitals.fetchNextPage();
          }}
        >
          Show older entries
        </Button>
      )}
    </section>
  );
}
