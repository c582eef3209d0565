/**
 * Patients' documents through the typed client: uploads as multipart forms, lists, and the bytes
 * of a document or its thumbnail as a Blob shown through an object URL (the access token goes in
 * the Authorization header, which an <img src> could not send).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, type Schemas } from "./client";
import { useDocumentMaxBytes } from "./clinic";
import { RequestFailed, unwrap } from "./errors";
import { fileProblem, refusalOf, type DocumentKind } from "../lib/documents";

type UploadFields = Schemas["Body_documents_upload"];
type UploadRequest = Omit<UploadFields, "file"> & { file: File };

/** Every list of a patient's documents, whatever its filter or page. */
export function documentsKey(patientId: number) {
  return ["patients", patientId, "documents"] as const;
}

function formData(body: UploadFields): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value !== null && value !== undefined) form.append(name, value as string | Blob);
  }
  return form;
}

/** POST a document. No Idempotency-Key: the API takes none for uploads (a retry is a new one). */
function uploadDocument(patientId: number, { file, ...fields }: UploadRequest) {
  return unwrap(
    api.POST("/api/patients/{patient_id}/documents", {
      params: { path: { patient_id: patientId } },
      // The schema types a binary field as the string it is on the wire; FormData sends the
      // File's bytes, with its name and type.
      body: { ...fields, file: file as unknown as string },
      bodySerializer: formData,
    }),
  );
}

/** An upload whose success refreshes the patient's document lists. */
export function useUpload(patientId: number) {
  const queryClient = useQueryClient();
  return useMutation<Schemas["DocumentCreated"], RequestFailed, UploadRequest>({
    mutationFn: (request) => uploadDocument(patientId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentsKey(patientId) }),
  });
}

/**
 * Files chosen in a form whose record is saved first (a new patient's photo ID, a new plan's
 * cards), each under its `slot`, uploaded once the record exists. `send` uploads those not yet
 * uploaded and says whether all now are; a refusal stays on its slot until another file is
 * chosen. A retry thus sends only what failed, and never saves the record twice.
 */
export function useFilesToUpload<Slot extends string>() {
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<Partial<Record<Slot, File | null>>>({});
  const [refusals, setRefusals] = useState<Partial<Record<Slot, unknown>>>({});
  const [uploaded, setUploaded] = useState<ReadonlySet<Slot>>(new Set());
  const [sending, setSending] = useState(false);
  const maxBytes = useDocumentMaxBytes();
  const waiting = (Object.entries(files) as [Slot, File | null][]).filter(
    (entry): entry is [Slot, File] => entry[1] !== null && !uploaded.has(entry[0]),
  );

  const choose = (slot: Slot, file: File | null) => {
    setFiles((current) => ({ ...current, [slot]: file }));
    if (file) {
      setRefusals((current) => ({ ...current, [slot]: undefined }));
      setUploaded((current) => new Set([...current].filter((done) => done !== slot)));
    }
  };

  const send = async (
    patientId: number,
    fields: (slot: Slot) => Omit<UploadRequest, "file">,
  ): Promise<boolean> => {
    setSending(true);
    const outcomes = await Promise.all(
      waiting.map(([slot, file]) =>
        uploadDocument(patientId, { ...fields(slot), file }).then(
          () => ({ slot, refusal: null }),
          (refusal: unknown) => ({ slot, refusal }),
        ),
      ),
    );
    setSending(false);
    const done = outcomes.filter((outcome) => outcome.refusal === null).map(({ slot }) => slot);
    setUploaded((current) => new Set([...current, ...done]));
    setRefusals(
      Object.fromEntries(
        outcomes.map(({ slot, refusal }) => [slot, refusal ?? undefined]),
      ) as Partial<Record<Slot, unknown>>,
    );
    if (done.length > 0) await queryClient.invalidateQueries({ queryKey: documentsKey(patientId) });
    return done.length === outcomes.length;
  };

  return {
    file: (slot: Slot): File | null => files[slot] ?? null,
    /** Why the last upload of the slot failed, in a sentence for its field. */
    refusal: (slot: Slot): string | undefined =>
      refusals[slot] === undefined ? undefined : refusalOf(refusals[slot], maxBytes),
    /** Chosen, or refused, and not uploaded yet. */
    pending: (slot: Slot): boolean =>
      !uploaded.has(slot) && (Boolean(files[slot]) || refusals[slot] !== undefined),
    choose,
    send,
    sending,
    /** A chosen file that the API would refuse (its field says why). */
    blocked: waiting.some(([, file]) => fileProblem(file, maxBytes) !== null),
  };
}

/** A page of the patient's documents (those the caller's role may read), newest first. */
export function useDocuments(
  patientId: number,
  { kind, page = 1, perPage = 10 }: { kind?: DocumentKind; page?: number; perPage?: number } = {},
) {
  return useQuery({
    queryKey: [...documentsKey(patientId), { kind, page, perPage }],
    queryFn: () =>
      unwrap(
        api.GET("/api/patients/{patient_id}/documents", {
          params: { path: { patient_id: patientId }, query: { kind, page, per_page: perPage } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

type Variant = "content" | "thumbnail";

export function fetchBytes(documentId: number, variant: Variant): Promise<Blob> {
  const params = { params: { path: { document_id: documentId } }, parseAs: "blob" } as const;
  return unwrap(
    variant === "content"
      ? api.GET("/api/documents/{document_id}/content", params)
      : api.GET("/api/documents/{document_id}/thumbnail", params),
  );
}

/**
 * A document's bytes (or its thumbnail's) as an object URL, revoked when the component goes.
 * The bytes never change, so each is fetched once while cached: one read in the audit trail.
 */
export function useDocumentUrl(documentId: number, variant: Variant, enabled = true) {
  const bytes = useQuery({
    queryKey: ["documents", documentId, variant],
    queryFn: () => fetchBytes(documentId, variant),
    staleTime: Infinity,
    enabled,
  });
  return { url: useObjectUrl(bytes.data), error: bytes.error, isPending: bytes.isPending };
}

function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return undefined;
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => {
      URL.revokeObjectURL(created);
      setUrl(undefined);
    };
  }, [blob]);
  return url;
}

export function retireDocument(documentId: number) {
  return unwrap(
    api.DELETE("/api/documents/{document_id}", { params: { path: { document_id: documentId } } }),
  );
}
