/** Placing the API's errors: on the fields they name, the rest in one notice. */
import { RequestFailed } from "../../api/errors";

/** The validator's words for an empty required field, as a person would put it. */
const REQUIRED = [/^Field required$/, /^may not be null$/, /at least 1 (item|character)/];

function worded(message: string): string {
  return REQUIRED.some((pattern) => pattern.test(message)) ? "Required" : message;
}

/**
 * The field errors of a failed request, by field name. Errors on the items of a list
 * (`icd10_codes.1`) are gathered under the list's name. `byCode` turns errors that carry no
 * `details` but belong to a field (409 `email_exists`) into that field's error.
 */
export function errorsOn(
  error: unknown,
  byCode: Record<string, string> = {},
): Record<string, string> {
  if (!(error instanceof RequestFailed)) return {};
  const result: Record<string, string> = {};
  for (const detail of error.body?.details ?? []) {
    const parts = detail.field.split(".");
    const last = parts[parts.length - 1] ?? detail.field;
    const field = /^\d+$/.test(last) && parts.length > 1 ? (parts[parts.length - 2] ?? last) : last;
    result[field] ??= worded(detail.message);
  }
  const field = error.code ? byCode[error.code] : undefined;
  if (field) result[field] ??= error.message;
  return result;
}

/** The error to show in the notice: none when every one of its messages sits on a shown field. */
export function unplaced(
  error: unknown,
  fields: readonly string[],
  byCode: Record<string, string> = {},
): unknown {
  if (!error) return null;
  const placed = errorsOn(error, byCode);
  const keys = Object.keys(placed);
  return keys.length > 0 && keys.every((key) => fields.includes(key)) ? null : error;
}
