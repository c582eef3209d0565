import { Stack, Title } from "@mantine/core";
import { useClinic } from "../../api/clinic";
import { useUser } from "../../auth/session";
import { Loading } from "../../components/Status";
import { can } from "../../lib/access";
import { BillingQueue } from "./BillingQueue";
import { InvoiceList } from "./InvoiceList";

export default function Billing() {
  const clinic = useClinic();
  const { role } = useUser();
  const mayBill = can(role, "billing");
  return (
    <>
      <Title order={2} mb="md">
        Billing
      </Title>
      {clinic ? (
        <Stack gap="xl">
          <section aria-labelledby="billing-queue">
            <Title order={3} id="billing-queue" mb="sm">
              Visits to invoice
            </Title>
            <BillingQueue timeZone={clinic.timezone} mayInvoice={mayBill} />
          </section>
          <section aria-labelledby="billing-invoices">
            <Title order={3} id="billing-invoices" mb="sm">
              Invoices
            </Title>
            <InvoiceList timeZone={clinic.timezone} mayRecordPayment={mayBill} />
          </section>
        </Stack>
      ) : (
        <Loading label="Loading the clinic's settings" />
      )}
    </>
  );
}
