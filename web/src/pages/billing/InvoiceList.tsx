import {
  Badge,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useAction } from "../../api/actions";
import { api, type Schemas } from "../../api/client";
import { RequestFailed, unwrap } from "../../api/errors";
import { Pager } from "../../components/Pager";
import { ErrorNotice, Loading } from "../../components/Status";
import { dateTime, money } from "../../lib/time";
import { InvoiceLines, InvoiceShares, type Invoice } from "./InvoiceDetails";
import { PatientPicker, type PickedPatient } from "./PatientPicker";
import { PatientLink, usePatientNames } from "./people";
import { ListTable } from "../../components/ScrollTable";

const PER_PAGE = 20;

const STATUS_OPTIONS = [
  { value: "", label: "Any status" },
  { value: "unpaid", label: "Unpaid" },
  { value: "paid", label: "Paid" },
];

function StatusBadge({ status }: { status: Schemas["InvoiceStatus"] }) {
  return (
    <Badge color={status === "paid" ? "teal.9" : "yellow.4"} autoContrast>
      {status === "paid" ? "Paid" : "Unpaid"}
    </Badge>
  );
}

/** Invoices, newest first, by status, patient and issue date; payments are recorded here. */
export function InvoiceList({
  timeZone,
  mayRecordPayment,
}: {
  timeZone: string;
  mayRecordPayment: boolean;
}) {
  const [status, setStatus] = useState("");
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [issuedFrom, setIssuedFrom] = useState("");
  const [issuedTo, setIssuedTo] = useState("");
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<Invoice | null>(null);
  const rangeError =
    issuedFrom && issuedTo && issuedTo < issuedFrom ? "The end is before the start" : undefined;

  const invoices = useQuery({
    queryKey: ["invoices", { status, patient: patient?.id, issuedFrom, issuedTo, page }],
    queryFn: () =>
      unwrap(
        api.GET("/api/invoices", {
          params: {
            query: {
              status: status === "paid" || status === "unpaid" ? status : undefined,
              patient_id: patient?.id,
              issued_from: issuedFrom || undefined,
              issued_to: issuedTo || undefined,
              page,
              per_page: PER_PAGE,
            },
          },
        }),
      ),
    enabled: !rangeError,
    placeholderData: keepPreviousData,
  });
  const rows = invoices.data?.invoices ?? [];
  const patients = usePatientNames(rows.map((invoice) => invoice.patient_id));
  const filterErrors = invoices.error instanceof RequestFailed ? invoices.error.fieldErrors : {};

  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["invoices"] });
  const pay = useAction(
    ({ invoice, to }: { invoice: Invoice; to: Schemas["InvoiceStatus"] }) =>
      unwrap(
        api.PUT("/api/invoices/{invoice_id}", {
          params: {
            path: { invoice_id: invoice.invoice_id },
            header: { "If-Match": `"${invoice.version}"` },
          },
          body: { status: to },
        }),
      ),
    { invalidates: [["invoices"]] },
  );

  function filtered<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value);
      setPage(1);
    };
  }

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="md">
        <Select
          label="Status"
          data={STATUS_OPTIONS}
          value={status}
          onChange={(value) => filtered(setStatus)(value ?? "")}
          allowDeselect={false}
        />
        <PatientPicker value={patient} onChange={filtered(setPatient)} />
        <TextInput
          label="Issued from"
          type="date"
          value={issuedFrom}
          onChange={(event) => filtered(setIssuedFrom)(event.currentTarget.value)}
          error={filterErrors.issued_from}
        />
        <TextInput
          label="Issued to"
          type="date"
          value={issuedTo}
          onChange={(event) => filtered(setIssuedTo)(event.currentTarget.value)}
          error={rangeError ?? filterErrors.issued_to}
        />
      </SimpleGrid>
      <ErrorNotice error={invoices.error} title="The invoices could not be loaded" />
      <ErrorNotice error={pay.error} title="The payment was not recorded" />
      {invoices.isPending && !rangeError ? (
        <Loading label="Loading invoices" />
      ) : (
        <ListTable
          label="Invoices"
          minWidth={820}
          busy={invoices.isFetching}
          highlightOnHover
          footer={rows.length === 0 && !rangeError && <Text py="md">No invoice matches.</Text>}
          columns={[
            "Invoice",
            "Issued",
            "Patient",
            "Total",
            "Patient owes",
            "Insurance owes",
            "Status",
            "Actions",
          ]}
        >
          {rows.map((invoice) => {
            const to = invoice.status === "paid" ? "unpaid" : "paid";
            const busy =
              pay.isPending && pay.variables.invoice.invoice_id === invoice.invoice_id;
            return (
              <Table.Tr key={invoice.invoice_id}>
                <Table.Td>#{invoice.invoice_id}</Table.Td>
                <Table.Td>{dateTime(invoice.issued_at, timeZone)}</Table.Td>
                <Table.Td>
                  <PatientLink id={invoice.patient_id} names={patients} />
                </Table.Td>
                <Table.Td>{money(invoice.total_cents, invoice.currency)}</Table.Td>
                <Table.Td>{money(invoice.patient_due_cents, invoice.currency)}</Table.Td>
                <Table.Td>{money(invoice.insurance_due_cents, invoice.currency)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={invoice.status} />
                  {invoice.paid_at && (
                    <Text size="xs">{dateTime(invoice.paid_at, timeZone)}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setShown(invoice)}
                      aria-label={`View invoice #${invoice.invoice_id}`}
                    >
                      View
                    </Button>
                    {mayRecordPayment && (
                      <Button
                        size="xs"
                        variant={to === "paid" ? "filled" : "default"}
                        loading={busy}
                        onClick={() =>
                          // A refusal may mean the invoice changed: show it as it is now.
                          pay.mutate({ invoice, to }, { onError: refresh })
                        }
                        aria-label={`Mark ${to}: invoice #${invoice.invoice_id}`}
                      >
                        {to === "paid" ? "Mark paid" : "Mark unpaid"}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </ListTable>
      )}
      <Pager pagination={invoices.data?.pagination} onChange={setPage} noun={["invoice", "invoices"]} />
      <Modal
        closeButtonProps={{ "aria-label": "Close" }}
        opened={shown !== null}
        onClose={() => setShown(null)}
        title={shown ? `Invoice #${shown.invoice_id}` : ""}
        size="lg"
      >
        {shown && (
          <Stack>
            <Text>
              <PatientLink id={shown.patient_id} names={patients} /> · issued{" "}
              {dateTime(shown.issued_at, timeZone)} · <StatusBadge status={shown.status} />
            </Text>
            <InvoiceShares invoice={shown} />
            <InvoiceLines invoice={shown} />
          </Stack>
        )}
      </Modal>
    </>
  );
}
