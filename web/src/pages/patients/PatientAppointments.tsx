import { Anchor, Table, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { api } from "../../api/client";
import { unwrap } from "../../api/errors";
import { useUser } from "../../auth/session";
import { Pager } from "../../components/Pager";
import { ErrorNotice, Loading } from "../../components/Status";
import { can } from "../../lib/access";
import { span } from "./format";
import { VISIT_TYPE_LABEL } from "./labels";
import { useStaffName } from "./queries";
import { StatusBadge } from "../../components/StatusBadge";
import { ListTable } from "../../components/ScrollTable";

const PER_PAGE = 10;

/** The patient's appointments, newest first; clinicians open each visit from here. */
export function PatientAppointments({ patientId, zone }: { patientId: number; zone: string }) {
  const { role } = useUser();
  const clinician = can(role, "clinical");
  const staffName = useStaffName();
  const [page, setPage] = useState(1);
  const appointments = useQuery({
    queryKey: ["appointments", { patientId, page }],
    queryFn: () =>
      unwrap(
        api.GET("/api/appointments", {
          params: {
            query: {
              patient_id: patientId,
              sort_by: "scheduled_start",
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
    <section aria-labelledby="appointments-title">
      <Title order={3} id="appointments-title" mb="sm">
        Appointments
      </Title>
      <ErrorNotice error={appointments.error} />
      {appointments.isPending ? (
        <Loading label="Loading appointments" />
      ) : (
        <ListTable
          label="Appointments"
          minWidth={640}
          busy={appointments.isFetching}
          columns={["When", "Provider", "Type", "Reason", "Status"]}
        >
          {appointments.data?.appointments.map((visit) => {
            const time = span(visit.scheduled_start, visit.scheduled_end, zone);
            return (
              <Table.Tr key={visit.appointment_id}>
                <Table.Td>
                  {clinician ? (
                    <Anchor component={Link} to={`/visits/${visit.appointment_id}`}>
                      {time}
                    </Anchor>
                  ) : (
                    time
                  )}
                </Table.Td>
                <Table.Td>{staffName(visit.provider_user_id)}</Table.Td>
                <Table.Td>{VISIT_TYPE_LABEL[visit.visit_type]}</Table.Td>
                <Table.Td>{visit.reason ?? "—"}</Table.Td>
                <Table.Td>
                  <StatusBadge status={visit.status} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </ListTable>
      )}
      <Pager pagination={appointments.data?.pagination} onChange={setPage} noun={["appointment", "appointments"]} />
    </section>
  );
}
