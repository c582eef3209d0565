import type { ApiError } from "./client";

/** What went wrong, in words a clinic's staff can act on, from the API's one error schema. */
export class RequestFailed extends Error {
  readonly status: number;
  readonly body: ApiError | undefined;

  constructor(status: number, body: ApiError | undefined) {
    super(describe(status, body));
    this.status = status;
    this.body = body;
  }

  get code(): string | undefined {
    return this.body?.code;
  }

  /** The API's `details`, one message per field (the field's last path segment). */
  get fieldErrors(): Record<string, string> {
    return fieldErrors(this.body);
  }
}

export function fieldErrors(body: ApiError | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const detail of body?.details ?? []) {
    const field = detail.field.split(".").pop() ?? detail.field;
    result[field] ??= detail.message;
  }
  return result;
}

export function describe(status: number, body: ApiError | undefined): string {
  if (status === 403) return "Your role may not do this. Ask an administrator if you need it.";
  if (status === 412)
    return "Someone else changed this record since you opened it. Reload it to see their change.";
  if (status === 429) return body?.error ?? "Too many attempts. Wait a moment and try again.";
  if (status === 0) return "The server cannot be reached. Check the connection and try again.";
  if (status >= 500) return "The server had a problem. Try again in a moment.";
  return body?.error ?? `The request failed (${status}).`;
}

/** Unwrap an openapi-fetch result: the data, or a RequestFailed to throw. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result;
  try {
    result = await call;
  } catch {
    throw new RequestFailed(0, undefined);
  }
  if (result.error !== undefined || !result.response.ok) {
    throw new RequestFailed(result.response.status, result.error as ApiError | undefined);
  }
  return result.data as T;
}
