import { Button, FileButton, FileInput, Stack } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useDocumentMaxBytes } from "../api/clinic";
import { ACCEPT, ACCEPTED_IN_WORDS, fileProblem, fileSize } from "../lib/documents";

/**
 * A document's file: chosen from the device's files or, on a phone or tablet (a touch screen),
 * taken with its camera. A file the API would refuse says why at once; `error` is the API's
 * refusal of the last upload, in words.
 */
export function FileField({
  label,
  description,
  value,
  onChange,
  error,
  required = false,
  camera = false,
}: {
  label: string;
  /** What the file is for; the accepted types and size follow it. */
  description?: string;
  value: File | null;
  onChange: (file: File | null) => void;
  error?: string;
  required?: boolean;
  camera?: boolean;
}) {
  const touch = useMediaQuery("(pointer: coarse)");
  const maxBytes = useDocumentMaxBytes();
  const accepted = value
    ? `This file: ${fileSize(value.size)}`
    : `${ACCEPTED_IN_WORDS}, at most ${fileSize(maxBytes)}`;
  return (
    <Stack gap={6}>
      <FileInput
        label={label}
        description={description ? `${description}. ${accepted}` : accepted}
        placeholder="Choose a file"
        // The placeholder is text in the button, held to the same contrast as the rest.
        styles={{ placeholder: { color: "var(--mantine-color-dimmed)" } }}
        accept={ACCEPT}
        required={required}
        clearable
        clearButtonProps={{ "aria-label": `Remove the file: ${label}` }}
        value={value}
        onChange={onChange}
        error={(value && fileProblem(value, maxBytes)) ?? error}
      />
      {camera && touch && (
        <FileButton accept="image/*" capture="environment" onChange={onChange}>
          {(props) => (
            <Button
              variant="default"
              size="sm"
              style={{ alignSelf: "flex-start" }}
              aria-label={`Take photo: ${label}`}
              {...props}
            >
              Take photo
            </Button>
          )}
        </FileButton>
      )}
    </Stack>
  );
}
