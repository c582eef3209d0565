import {
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/client";
import { unwrap } from "../../api/errors";
import { useUser } from "../../auth/session";
import { Pager } from "../../components/Pager";
import { ErrorNotice, Loading } from "../../components/Status";
import { can } from "../../lib/access";
import { money } from "../../lib/time";
import { CptForm, type CptCode } from "./CptForm";
import { ListTable } from "../../components/ScrollTable";

const PER_PAGE = 20;

const USE_OPTIONS = [
  { value: "active", label: "In use" },
  { value: "retired", label: "Retired" },
];

export default function CptCodes() {
  const mayEdit = can(useUser().role, "admin");
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState("");
  const [use, setUse] = useState("active");
  const [page, setPage] = useState(1);
  const [term] = useDebouncedValue(search.trim(), 300);
  const [categoryTerm] = useDebouncedValue(category.trim(), 300);
  // null: closed; "new": adding a code; a code: editing it.
  const [editing, setEditing] = useState<CptCode | "new" | null>(null);

  const codes = useQuery({
    queryKey: ["cpt_codes", { term, categoryTerm, use, page }],
    queryFn: () =>
      unwrap(
        api.GET("/api/cpt_codes", {
          params: {
            query: {
              search: term || undefined,
              category: categoryTerm || undefined,
              active: use === "active",
              page,
              per_page: PER_PAGE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>CPT codes</Title>
        {mayEdit && <Button onClick={() => setEditing("new")}>New CPT code</Button>}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
        <TextInput
          label="Search by code or description"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
        />
        <TextInput
          label="Category"
          description="The exact category, any case"
          value={category}
          onChange={(event) => {
            setCategory(event.currentTarget.value);
            setPage(1);
          }}
        />
        <Select
          label="Codes"
          data={USE_OPTIONS}
          value={use}
          allowDeselect={false}
          onChange={(value) => {
            setUse(value ?? "active");
            setPage(1);
          }}
        />
      </SimpleGrid>
      <ErrorNotice error={codes.error} title="The catalogue could not be loaded" />
      {codes.isPending ? (
        <Loading label="Loading the catalogue" />
      ) : (
        <ListTable
          label="CPT codes"
          minWidth={640}
          busy={codes.isFetching}
          highlightOnHover
          footer={codes.data?.cpt_codes.length === 0 && <Text py="md">No code matches.</Text>}
          columns={["Code", "Description", "Category", "Price", "Status", mayEdit && "Action"]}
        >
          {codes.data?.cpt_codes.map((code) => (
            <Table.Tr key={code.code}>
              <Table.Td>{code.code}</Table.Td>
              <Table.Td>{code.description}</Table.Td>
              <Table.Td>{code.category}</Table.Td>
              <Table.Td>{money(code.price_cents, code.currency ?? "USD")}</Table.Td>
              <Table.Td>
                <Badge color={code.is_active ? "teal.9" : "gray.7"}>
                  {code.is_active ? "In use" : "Retired"}
                </Badge>
              </Table.Td>
              {mayEdit && (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setEditing(code)}
                    aria-label={`Edit CPT code ${code.code}`}
                  >
                    Edit
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </ListTable>
      )}
      <Pager pagination={codes.data?.pagination} onChange={setPage} noun={["code", "codes"]} />
      {editing && (
        <CptForm
          key={editing === "new" ? "new" : editing.code}
          existing={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
