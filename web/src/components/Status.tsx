import { Alert, Center, Group, Loader, Text } from "@mantine/core";
import { RequestFailed } from "../api/errors";

/** Anything slower than a moment says that it is working. */
export function Loading({ label = "Loading" }: { label?: string }) {
  return (
    <Center p="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text size="sm">{label}…</Text>
      </Group>
    </Center>
  );
}

export function messageOf(error: unknown): string {
  if (error instanceof RequestFailed) return error.message;
  return "Something went wrong. Try again.";
}

/** Errors that belong to no field, in words, in one place. */
export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" title={title ?? "That did not work"} role="alert" mb="md">
      {messageOf(error)}
    </Alert>
  );
}
