import { useQuery } from "@tanstack/react-query";
import { api, type Schemas } from "./client";
import { unwrap } from "./errors";

export type Clinic = Schemas["ClinicRead"];

/** The clinic's time zone and currency: every time and amount on screen is shown in them. */
export function useClinic(): Clinic | undefined {
  return useQuery({
    queryKey: ["clinic"],
    queryFn: () => unwrap(api.GET("/api/clinic")),
    staleTime: Infinity,
  }).data;
}
