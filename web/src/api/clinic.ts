import { useQuery } from "@tanstack/react-query";
import { api, type Schemas } from "./client";
import { unwrap } from "./errors";
import { MAX_DOCUMENT_BYTES } from "../lib/documents";

export type Clinic = Schemas["ClinicRead"];

/** The clinic's time zone and currency: every time and amount on screen is shown in them. */
export function useClinic(): Clinic | undefined {
  return useQuery({
    queryKey: ["clinic"],
    queryFn: () => unwrap(api.GET("/api/clinic")),
    staleTime: Infinity,
  }).data;
}

/** The most bytes a document may have: the clinic's setting (the default until it has loaded). */
export function useDocumentMaxBytes(): number {
  return useClinic()?.document_max_bytes ?? MAX_DOCUMENT_BYTES;
}
