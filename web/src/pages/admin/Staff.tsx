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
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useAction } from "../../api/actions";
import { api, type Schemas } from "../../api/client";
import { unwrap } from "../../api/errors";
import { useUser } from "../../auth/session";
import { Pager } from "../../components/Pager";
import { ErrorNotice, Loading } from "../../components/Status";
import { can } from "../../lib/access";
import { isRole, ROLE_LABEL, ROLE_OPTIONS } from "./roles";
import { ConfirmDeactivate, EditStaffMember, NewStaffMember } from "./StaffForms";
import { ListTable } from "../../components/ScrollTable";

type StaffUser = Schemas["UserRead"];

const PER_PAGE = 20;

const STATUS_OPTIONS = [
  { value: "any", label: "Active and inactive" },
  { value: "active", label: "Active" },
  { value: "inactive", label: "Inactive" },
];

export default function Staff() {
  const { role: myRole } = useUser();
  const mayAdminister = can(myRole, "admin");
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<string | null>(null);
  const [status, setStatus] = useState("any");
  const [page, setPage] = useState(1);
  const [term] = useDebouncedValue(search.trim(), 300);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffUser | null>(null);
  const [deactivating, setDeactivating] = useState<StaffUser | null>(null);

  const users = useQuery({
    queryKey: ["users", { term, role, status, page }],
    queryFn: () =>
      unwrap(
        api.GET("/api/users", {
          params: {
            query: {
              search: term || undefined,
              role: isRole(role) ? role : undefined,
              is_active: status === "any" ? undefined : status === "active",
              page,
              per_page: PER_PAGE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const queryClient = useQueryClient();
  const activation = useAction(
    ({ user, active }: { user: StaffUser; active: boolean }) =>
      unwrap(
        api.PUT("/api/users/{user_id}", {
          params: { path: { user_id: user.user_id }, header: { "If-Match": `"${user.version}"` } },
          body: { is_active: active },
        }),
      ),
    { invalidates: [["users"]] },
  );

  function setActive(user: StaffUser, active: boolean) {
    activation.mutate(
      { user, active },
      {
        onSettled: () => setDeactivating(null),
        // A refusal may mean the account changed: show it as it is now.
        onError: () => void queryClient.invalidateQueries({ queryKey: ["users"] }),
      },
    );
  }

  function filter<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value);
      setPage(1);
    };
  }

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>Staff</Title>
        {mayAdminister && <Button onClick={() => setCreating(true)}>New staff member</Button>}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
        <TextInput
          label="Search by name or email"
          value={search}
          onChange={(event) => filter(setSearch)(event.currentTarget.value)}
        />
        <Select
          label="Role"
          placeholder="Any role"
          clearable
          data={ROLE_OPTIONS}
          value={role}
          onChange={filter(setRole)}
        />
        <Select
          label="Status"
          data={STATUS_OPTIONS}
          value={status}
          allowDeselect={false}
          onChange={(value) => filter(setStatus)(value ?? "any")}
        />
      </SimpleGrid>
      <ErrorNotice error={users.error} title="The staff list could not be loaded" />
      <ErrorNotice error={activation.error} title="The account was not changed" />
      {users.isPending ? (
        <Loading label="Loading staff" />
      ) : (
        <ListTable
          label="Staff members"
          minWidth={640}
          busy={users.isFetching}
          highlightOnHover
          footer={users.data?.users.length === 0 && <Text py="md">No staff member matches.</Text>}
          columns={["Name", "Email", "Role", "Status", mayAdminister && "Actions"]}
        >
          {users.data?.users.map((user) => {
            const name = `${user.first_name} ${user.last_name}`;
            const busy =
              activation.isPending && activation.variables.user.user_id === user.user_id;
            return (
              <Table.Tr key={user.user_id}>
                <Table.Td>
                  {user.last_name}, {user.first_name}
                </Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>{ROLE_LABEL[user.role]}</Table.Td>
                <Table.Td>
                  <Badge color={user.is_active ? "teal.9" : "gray.7"}>
                    {user.is_active ? "Active" : "Inactive"}
                  </Badge>
                </Table.Td>
                {mayAdminister && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEditing(user)}
                        aria-label={`Edit ${name}`}
                      >
                        Edit
                      </Button>
                      {user.is_active ? (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setDeactivating(user)}
                          aria-label={`Deactivate ${name}`}
                        >
                          Deactivate
                        </Button>
                      ) : (
                        <Button
                          size="xs"
                          variant="default"
                          loading={busy}
                          onClick={() => setActive(user, true)}
                          aria-label={`Reactivate ${name}`}
                        >
                          Reactivate
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </ListTable>
      )}
      <Pager pagination={users.data?.pagination} onChange={setPage} noun={["staff member", "staff members"]} />
      <NewStaffMember opened={creating} onClose={() => setCreating(false)} />
      {editing && (
        <EditStaffMember key={editing.user_id} user={editing} onClose={() => setEditing(null)} />
      )}
      {deactivating && (
        <ConfirmDeactivate
          user={deactivating}
          busy={activation.isPending}
          onConfirm={() => setActive(deactivating, false)}
          onClose={() => setDeactivating(null)}
        />
      )}
    </>
  );
}
