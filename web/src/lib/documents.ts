/**
 * Patients' documents as the API decides about them: what each kind is called, which kinds a role
 * may read, which files are worth sending, and the API's refusals as sentences for the file field.
 */
import { RequestFailed } from "../api/errors";
import type { Schemas } from "../api/client";
import type { Role } from "./access";

export type DocumentKind = Schemas["DocumentKind"];
export type DocumentRecord = Schemas["DocumentRead"];

export const KIND_LABEL: Record<DocumentKind, string> = {
  photo_id: "Photo ID",
  insurance_card_front: "Insurance card (front)",
  insurance_card_back: "Insurance card (back)",
  referral: "Referral",
  lab_report: "Lab report",
  consent: "Consent form",
  other: "Other",
};

export const INSURANCE_CARDS: ReadonlySet<DocumentKind> = new Set([
  "insurance_card_front",
  "insurance_card_back",
]);

/** The identity and insurance papers the front desk keeps; every other kind may be clinical. */
const FRONT_DESK_KINDS: ReadonlySet<DocumentKind> = new Set(["photo_id", ...INSURANCE_CARDS]);

/** Receptionists read identity and insurance documents only (HIPAA minimum necessary). */
export function mayRead(role: Role, kind: DocumentKind): boolean {
  return role !== "receptionist" || FRONT_DESK_KINDS.has(kind);
}

/**
 * What every role may upload: every kind. The front desk scans the referral a patient brings,
 * even though only clinicians and admins may open it afterwards.
 */
export const UPLOAD_KINDS: readonly DocumentKind[] = Object.keys(KIND_LABEL) as DocumentKind[];

/** The API's default limit per file; the clinic's own is `document_max_bytes` of /api/clinic. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const ACCEPTED_TYPES = [
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/heic",
  "image/heif",
  "application/pdf",
];
const ACCEPTED_EXTENSIONS = [".jpg", ".jpeg", ".jfif", ".png", ".webp", ".heic", ".heif", ".pdf"];

/** The file chooser's `accept`: the types the API keeps, by type and by name. */
export const ACCEPT = [...ACCEPTED_TYPES, ...ACCEPTED_EXTENSIONS].join(",");
export const ACCEPTED_IN_WORDS = "JPEG, PNG, WebP, HEIC or PDF";

const KB = 1024;
const MB = 1024 * KB;

/** 2_400 -> "2 KB", 3_565_158 -> "3.4 MB", 10 MiB -> "10 MB". */
export function fileSize(bytes: number): string {
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / KB))} KB`;
  const megabytes = (Math.round((bytes / MB) * 10) / 10).toString();
  return `${megabytes} MB`;
}

/**
 * Why a chosen file would be refused, before it is sent: empty, over the limit, or of a type the
 * API does not take (by its declared type or its name; the API decides by its bytes). null when
 * it is worth sending.
 */
export function fileProblem(
  file: Pick<File, "name" | "size" | "type">,
  maxBytes = MAX_DOCUMENT_BYTES,
): string | null {
  const name = file.name.toLowerCase();
  const known =
    ACCEPTED_TYPES.includes(file.type) ||
    ACCEPTED_EXTENSIONS.some((extension) => name.endsWith(extension));
  if (!known) return `Only ${ACCEPTED_IN_WORDS} files are accepted: choose a photo or a scan.`;
  if (file.size === 0) return "The file is empty: choose another.";
  if (file.size > maxBytes) {
    const size = fileSize(file.size) === fileSize(maxBytes) ? "" : ` (${fileSize(file.size)})`;
    return `The file is larger than ${fileSize(maxBytes)}${size}: choose a smaller file or scan at a lower resolution.`;
  }
  return null;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** A failed upload or download in a sentence for the file field. */
export function refusalOf(error: unknown, maxBytes = MAX_DOCUMENT_BYTES): string {
  if (!(error instanceof RequestFailed)) return "Something went wrong. Try again.";
  switch (error.status) {
    case 413:
      return `The file is too large: at most ${fileSize(maxBytes)} is accepted.`;
    case 415:
      // The API says what it found: a PDF with scripts, a file whose name names another type...
      return error.body?.error
        ? sentence(error.body.error)
        : `Only ${ACCEPTED_IN_WORDS} files are accepted.`;
    case 403:
      return "Your role may not open documents of this kind: they are for clinicians and admins.";
    default:
      return error.message;
  }
}

/** The refusals that belong next to the file field (too large, wrong type, not for this role). */
export function fileFieldError(error: unknown, maxBytes: number): string | undefined {
  if (error instanceof RequestFailed && [403, 413, 415].includes(error.status)) {
    return refusalOf(error, maxBytes);
  }
  return undefined;
}

const EXTENSION: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

/** The name a download is saved under: the kind and id, never the patient's name. */
export function downloadName(
  document: Pick<DocumentRecord, "document_id" | "kind" | "content_type">,
): string {
  const extension = EXTENSION[document.content_type];
  return `${document.kind}-${document.document_id}${extension ? `.${extension}` : ""}`;
}

export function isImage(document: Pick<DocumentRecord, "content_type">): boolean {
  return document.content_type.startsWith("image/");
}

/** "Referral: Cardiology, Dr Ortiz", or the kind alone. */
export function documentName(document: Pick<DocumentRecord, "kind" | "title">): string {
  return document.title
    ? `${KIND_LABEL[document.kind]}: ${document.title}`
    : KIND_LABEL[document.kind];
}
