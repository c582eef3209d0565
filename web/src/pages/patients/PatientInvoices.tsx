import { Table, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/client";
import { unwrap } from "../../api/errors";
import { Pager } from "../../components/Pager";
import { ErrorNotice, Loading } from "../../components/Status";
import { dayOf, longDay, money } from "../../lib/time";
import { ListTable } from "../../components/ScrollTable";

const PER_PAGE = 10;

/** The patient's invoices, newest first: what was billed, and who owes what. */
export function PatientInvoices({ patientId, zone }: { patientId: number; zone: string }) {
  const [page, setPage] = useState(1);
  const invoices = useQuery({
    queryKey: ["invoices", { patientId, page }],
    queryFn: () =>
      unwrap(
        api.GET("/api/invoices", {
          params: {
            query: {
              patient_id: patientId,
              sort_by: "issued_at",
              order: "desc",
              page,
              per_page: PER_PAGE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <section aria-labelledby="invoices-title">
      <Title order={3} id="invoices-title" mb="sm">
        Invoices
      </Title>
      <ErrorNotice error={invoices.error} />
      {invoices.isPending ? (
        <Loading label="Loading invoices" />
      ) : (
        <ListTable
          label="Invoices"
          minWidth={600}
          busy={invoices.isFetching}
          columns={["Invoice", "Issued", "Total", "Patient owes", "Insurance owes", "Status"]}
        >
          {invoices.data?.invoices.map((invoice) => (
            <Table.Tr key={invoice.invoice_id}>
              <Table.Td>#{invoice.invoice_id}</Table.Td>
              <Table.Td>{longDay(dayOf(invoice.issued_at, zone))}</Table.Td>
              <Table.Td>{money(invoice.total_cents, invoice.currency)}</Table.Td>
              <Table.Td>{money(invoice.patient_due_cents, invoice.currency)}</Table.Td>
              <Table.Td>{money(invoice.insurance_due_cents, invoice.currency)}</Table.Td>
              <Table.Td>
                {invoice.status === "paid" && invoice.paid_at
                  ? `Paid ${longDay(dayOf(invoice.paid_at, zone))}`
                  : "Unpaid"}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
      <Pager pagination={invoices.data?.pagination} onChange={setPage} noun={["invoice", "invoices"]} />
    </section>
  );
}
