import { Alert, Button, Group, Stack } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A record is saved and a file of it is not (the upload that followed it was refused): the file
 * field with its refusal, to send again, or to leave for later.
 */
export function UploadRetry({
  label,
  title,
  message,
  submitLabel,
  leaveLabel,
  onSubmit,
  onLeave,
  sending,
  children,
}: {
  label: string;
  title: string;
  message: ReactNode;
  submitLabel: string;
  leaveLabel: string;
  onSubmit: () => void;
  onLeave: () => void;
  sending: boolean;
  /** The file fields. */
  children: ReactNode;
}) {
  return (
    <form
      noValidate
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Stack>
        <Alert color="orange" title={title} role="alert">
          {message}
        </Alert>
        {children}
        <Group>
          <Button type="submit" loading={sending}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onLeave}>
            {leaveLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
