import { Stack, Title } from "@mantine/core";
import { useClinic } from "../../api/clinic";
import { Loading } from "../../components/Status";
import { AuditLog } from "./AuditLog";
import { ChainCheck } from "./ChainCheck";

export default function Audit() {
  const clinic = useClinic();
  return (
    <>
      <Title order={2} mb="md">
        Audit trail
      </Title>
      {clinic ? (
        <Stack gap="xl">
          <section aria-labelledby="audit-chain">
            <Title order={3} id="audit-chain" mb="sm">
              Chain check
            </Title>
            <ChainCheck timeZone={clinic.timezone} />
          </section>
          <section aria-labelledby="audit-events">
            <Title order={3} id="audit-events" mb="sm">
              Events
            </Title>
            <AuditLog timeZone={clinic.timezone} />
          </section>
        </Stack>
      ) : (
        <Loading label="Loading the clinic's settings" />
      )}
    </>
  );
}
