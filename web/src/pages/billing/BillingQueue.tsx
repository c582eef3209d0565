import { Anchor, Button, CloseButton, Group, Paper, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { useAction } from "../../api/actions";
import { api, type Schemas } from "../../api/client";
import { unwrap } from "../../api/errors";
import { Pager } from "../../components/Pager";
import { ErrorNotice, Loading } from "../../components/Status";
import { dateTime } from "../../lib/time";
import { InvoiceShares, type Invoice } from "./InvoiceDetails";
import { PatientLink, staffName, usePatientNames, useStaffDirectory } from "./people";
import { ListTable } from "../../components/ScrollTable";

type Appointment = Schemas["AppointmentRead"];

const PER_PAGE = 20;

/** One visit's "Create invoice": its own Idempotency-Key, so a retry never bills twice. */
function CreateInvoice({
  appointment,
  onCreated,
  onFailed,
}: {
  appointment: Appointment;
  onCreated: (invoice: Invoice) => void;
  onFailed: (error: unknown) => void;
}) {
  const create = useAction(
    (appointmentId: number, key: string) =>
      unwrap(
        api.POST("/api/invoices", {
          body: { appointment_id: appointmentId },
          params: { header: { "Idempotency-Key": key } },
        }),
      ),
    { invalidates: [["appointments"], ["invoices"]] },
  );
  async function run() {
    onFailed(null);
    try {
      const created = await create.mutateAsync(appointment.appointment_id);
      onCreated(created.invoice);
    } catch (error) {
      onFailed(error);
    }
  }
  return (
    <Button
      size="xs"
      loading={create.isPending}
      onClick={() => void run()}
      aria-label={`Create invoice for visit #${appointment.appointment_id}`}
    >
      Create invoice
    </Button>
  );
}

/** Completed visits that have no invoice yet, oldest first; invoicing one shows who owes what. */
export function BillingQueue({ timeZone, mayInvoice }: { timeZone: string; mayInvoice: boolean }) {
  const [page, setPage] = useState(1);
  const [created, setCreated] = useState<Invoice | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const queue = useQuery({
    queryKey: ["appointments", { billingQueue: true, page }],
    queryFn: () =>
      unwrap(
        api.GET("/api/appointments", {
          params: {
            query: {
              status: "completed",
              invoiced: false,
              sort_by: "scheduled_start",
              order: "asc",
              page,
              per_page: PER_PAGE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const visits = queue.data?.appointments ?? [];
  const patients = usePatientNames([
    ...visits.map((visit) => visit.patient_id),
    ...(created ? [created.patient_id] : []),
  ]);
  const staff = useStaffDirectory();

  return (
    <>
      <ErrorNotice error={failure} title="The invoice was not created" />
      {created && (
        <Paper withBorder p="md" mb="md" role="status" aria-live="polite">
          <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
            <Text fw={600}>
              Invoice #{created.invoice_id} created for{" "}
              <PatientLink id={created.patient_id} names={patients} />
            </Text>
            <CloseButton aria-label="Close the new invoice" onClick={() => setCreated(null)} />
          </Group>
          <InvoiceShares invoice={created} />
        </Paper>
      )}
      <ErrorNotice error={queue.error} title="The visits to invoice could not be loaded" />
      {queue.isPending ? (
        <Loading label="Loading the visits to invoice" />
      ) : visits.length === 0 && page === 1 ? (
        <Text>Every completed visit has its invoice.</Text>
      ) : (
        <ListTable
          label="Visits to invoice"
          minWidth={640}
          busy={queue.isFetching}
          // The action beside the visit it invoices, in view on a phone's width.
          columns={["Visit", mayInvoice && "Action", "Patient", "Provider", "Code"]}
        >
          {visits.map((visit) => (
            <Table.Tr key={visit.appointment_id}>
              <Table.Td>
                <Anchor inherit component={Link} to={`/visits/${visit.appointment_id}`}>
                  {dateTime(visit.scheduled_start, timeZone)}
                </Anchor>
              </Table.Td>
              {mayInvoice && (
                <Table.Td>
                  <CreateInvoice
                    appointment={visit}
                    onCreated={setCreated}
                    onFailed={setFailure}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <PatientLink id={visit.patient_id} names={patients} />
              </Table.Td>
              <Table.Td>{staffName(staff.data, visit.provider_user_id)}</Table.Td>
              <Table.Td>{visit.cpt_code ?? "Default code"}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
      <Pager pagination={queue.data?.pagination} onChange={setPage} noun={["visit to invoice", "visits to invoice"]} />
    </>
  );
}
