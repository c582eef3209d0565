/**
 * What the schedule reads: the providers (one query), every visit of a span of days (all pages,
 * the rest in parallel after the first) and the month's counts per day. Patients' names come
 * from lib/patients (one cached query each, read many at a time).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { unwrap } from "../../api/errors";
import { createLimiter } from "./limit";
import { mergePages, remainingPages, type Appointment, type Provider } from "./model";

const PER_PAGE = 100;
const MINUTES = 60_000;

const pages = createLimiter(6);

export interface VisitFilter {
  date_from: string;
  date_to: string;
  provider_user_id?: number;
}

/** Every visit between two clinic days (inclusive), in order of start. */
export async function fetchVisits(
  filter: VisitFilter,
  signal?: AbortSignal,
): Promise<Appointment[]> {
  const page = (number: number) =>
    pages(() =>
      unwrap(
        api.GET("/api/appointments", {
          params: {
            query: {
              ...filter,
              sort_by: "scheduled_start",
              order: "asc",
              page: number,
              per_page: PER_PAGE,
            },
          },
          signal,
        }),
      ),
    );
  const first = await page(1);
  const rest = await Promise.all(remainingPages(first.pagination).map(page));
  return mergePages(
    [first, ...rest].map((result) => result.appointments),
    (appointment) => appointment.appointment_id,
  );
}

/** The visits of a span of days; the last span's stay on screen while the next one loads. */
export function useVisits(filter: VisitFilter) {
  return useQuery({
    queryKey: ["appointments", "span", filter],
    queryFn: ({ signal }) => fetchVisits(filter, signal),
    placeholderData: keepPreviousData,
  });
}

async function fetchProviders(): Promise<Provider[]> {
  const get = (page: number) =>
    unwrap(api.GET("/api/providers", { params: { query: { page, per_page: PER_PAGE } } }));
  const first = await get(1);
  const rest = await Promise.all(remainingPages(first.pagination).map(get));
  return [first, ...rest].flatMap((result) => result.providers);
}

export const providersQuery = {
  queryKey: ["providers"],
  queryFn: fetchProviders,
  staleTime: 5 * MINUTES,
};

/** The active doctors and nurses, with their working hours. */
export function useProviders() {
  return useQuery(providersQuery);
}

/** Each clinic day's number of visits by status (at most 62 days). */
export function useDailyCounts(dateFrom: string, dateTo: string, providerId?: number) {
  return useQuery({
    queryKey: ["appointments", "daily-counts", { dateFrom, dateTo, providerId }],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/appointments/daily-counts", {
          params: {
            query: { date_from: dateFrom, date_to: dateTo, provider_user_id: providerId },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
