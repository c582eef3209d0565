import { RequestFailed } from "../../api/errors";

/**
 * Where a failed request's message goes on a form: each field's own message next to it, and the
 * error as a whole in the form's notice unless one of the form's fields already shows why.
 */
export function formErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  codeField: Partial<Record<string, F>> = {},
): { field: Partial<Record<F, string>>; notice: unknown } {
  if (!error) return { field: {}, notice: null };
  if (!(error instanceof RequestFailed)) return { field: {}, notice: error };
  const all = error.fieldErrors;
  const byCode = error.code ? codeField[error.code] : undefined;
  if (byCode) all[byCode] ??= error.message;
  const field: Partial<Record<F, string>> = {};
  for (const name of fields) if (all[name]) field[name] = all[name];
  return { field, notice: Object.keys(field).length > 0 ? null : error };
}
