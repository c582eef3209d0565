import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useRef } from "react";
import { RequestFailed } from "./errors";

/**
 * A user's action that changes something. Creates get an `Idempotency-Key` that stays the same
 * until the action succeeds, so a double click or a retry after a lost answer never does it twice.
 * A refusal (4xx) ends the attempt: what the user sends next is a new request. On success the
 * listed queries are refetched.
 */
export function useAction<TInput, TResult>(
  run: (input: TInput, idempotencyKey: string) => Promise<TResult>,
  { invalidates = [] }: { invalidates?: QueryKey[] } = {},
) {
  const queryClient = useQueryClient();
  const key = useRef<string | null>(null);
  return useMutation<TResult, RequestFailed, TInput>({
    mutationFn: (input) => {
      key.current ??= crypto.randomUUID();
      return run(input, key.current);
    },
    onError: (error) => {
      if (error.status >= 400 && error.status < 500) key.current = null;
    },
    onSuccess: async () => {
      key.current = null;
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
