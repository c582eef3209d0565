import { Anchor, Button, Group, Table, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { api } from "../../api/client";
import { unwrap } from "../../api/errors";
import { Pager } from "../../components/Pager";
import { ErrorNotice, Loading } from "../../components/Status";
import { ListTable } from "../../components/ScrollTable";

const PER_PAGE = 20;

export default function PatientList() {
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [term] = useDebouncedValue(search.trim(), 300);
  const patients = useQuery({
    queryKey: ["patients", { term, page }],
    queryFn: () =>
      unwrap(
        api.GET("/api/patients", {
          params: {
            query: { search: term || undefined, page, per_page: PER_PAGE, sort_by: "last_name" },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>Patients</Title>
        <Button component={Link} to="/patients/new">
          New patient
        </Button>
      </Group>
      <TextInput
        label="Search by name, email or phone"
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(1);
        }}
        mb="md"
      />
      <ErrorNotice error={patients.error} />
      {patients.isPending ? (
        <Loading />
      ) : (
        <ListTable
          label="Patients"
          minWidth={480}
          busy={patients.isFetching}
          highlightOnHover
          columns={["Name", "Date of birth", "Phone"]}
        >
          {patients.data?.patients.map((patient) => (
            <Table.Tr key={patient.patient_id}>
              <Table.Td>
                <Anchor component={Link} to={`/patients/${patient.patient_id}`}>
                  {patient.last_name}, {patient.first_name}
                </Anchor>
              </Table.Td>
              <Table.Td>{patient.dob}</Table.Td>
              <Table.Td>{patient.phone ?? "—"}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
      <Pager pagination={patients.data?.pagination} onChange={setPage} noun={["patient", "patients"]} />
    </>
  );
}
