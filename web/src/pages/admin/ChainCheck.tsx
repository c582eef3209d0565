import { Alert, Button, Code, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useAction } from "../../api/actions";
import { api } from "../../api/client";
import { unwrap } from "../../api/errors";
import { ErrorNotice } from "../../components/Status";
import { dateTime } from "../../lib/time";
import { formErrors } from "./formErrors";

/**
 * Recompute the audit trail's seals (optionally against a head kept outside the database), and
 * show the current head to keep for the next review.
 */
export function ChainCheck({ timeZone }: { timeZone: string }) {
  const [head, setHead] = useState("");
  const verify = useAction((expected: string) =>
    unwrap(api.GET("/api/audit/verify", { params: { query: { head: expected || undefined } } })),
  );
  const current = useAction(() => unwrap(api.GET("/api/audit/head")));
  const { field, notice } = formErrors(verify.error, ["head"] as const);
  const result = verify.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    verify.mutate(head.trim());
  }

  return (
    <Stack>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="xs">
          <TextInput
            label="Head kept from an earlier review (optional)"
            placeholder="seal id:hash"
            value={head}
            onChange={(event) => setHead(event.currentTarget.value)}
            error={field.head}
            flex={1}
            miw={240}
          />
          <Button type="submit" loading={verify.isPending}>
            Verify the chain
          </Button>
          <Button variant="default" loading={current.isPending} onClick={() => current.mutate()}>
            Show the current head
          </Button>
        </Group>
      </form>
      <ErrorNotice error={notice} title="The chain could not be verified" />
      <ErrorNotice error={current.error} title="The current head could not be read" />
      {result && !verify.isPending && (
        <Alert
          variant="outline"
          color={result.valid ? "teal.9" : "red.9"}
          title={
            result.valid
              ? "The chain is intact"
              : `The chain is broken${result.broken_seal_id ? ` at seal #${result.broken_seal_id}` : ""}`
          }
          role={result.valid ? "status" : "alert"}
        >
          {result.events_checked} events in {result.seals_checked} seals checked.
          {result.reason ? ` ${result.reason}` : ""}
        </Alert>
      )}
      {current.data && (
        <Text size="sm" component="div">
          Current head, sealed {dateTime(current.data.sealed_at, timeZone)}: keep it outside the
          database for the next review.{" "}
          <Code block style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }}>
            {`${current.data.seal_id}:${current.data.hash}`}
          </Code>
        </Text>
      )}
    </Stack>
  );
}
