import {
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useAction } from "../../api/actions";
import { api, type Schemas } from "../../api/client";
import { useClinic } from "../../api/clinic";
import { unwrap } from "../../api/errors";
import { ErrorNotice } from "../../components/Status";
import { formErrors } from "./formErrors";
import { isRole, ROLE_OPTIONS } from "./roles";

type StaffUser = Schemas["UserRead"];

const EMPTY = { first_name: "", last_name: "", email: "", phone: "", role: "", password: "" };
type Field = keyof typeof EMPTY;
const FIELDS = Object.keys(EMPTY) as Field[];

function FormButtons({
  busy,
  label,
  onCancel,
}: {
  busy: boolean;
  label: string;
  onCancel: () => void;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={busy}>
        {label}
      </Button>
    </Group>
  );
}

/** A new staff account, with its role and initial password. */
export function NewStaffMember({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const [roleMissing, setRoleMissing] = useState(false);
  const minLength = useClinic()?.password_min_length ?? 8;
  const create = useAction(
    (body: Schemas["UserCreate"], key: string) =>
      unwrap(api.POST("/api/users", { body, params: { header: { "Idempotency-Key": key } } })),
    { invalidates: [["users"]] },
  );
  const { field, notice } = formErrors(create.error, FIELDS, { email_exists: "email" });
  const input = (name: Field) => ({
    value: form[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((current) => ({ ...current, [name]: value }));
    },
    error: field[name],
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!isRole(form.role)) {
      setRoleMissing(true);
      return;
    }
    create.mutate(
      {
        first_name: form.first_name.trim(),
        last_name: form.last_name.trim(),
        email: form.email.trim(),
        phone: form.phone.trim() || null,
        role: form.role,
        password: form.password,
      },
      {
        onSuccess: () => {
          setForm(EMPTY);
          onClose();
        },
      },
    );
  }

  return (
    <Modal
      closeButtonProps={{ "aria-label": "Close" }}
      opened={opened}
      onClose={onClose}
      title="New staff member"
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorNotice error={notice} title="The account was not created" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="First name" required {...input("first_name")} />
            <TextInput label="Last name" required {...input("last_name")} />
            <TextInput label="Email" type="email" required autoComplete="off" {...input("email")} />
            <TextInput label="Phone" type="tel" {...input("phone")} />
            <Select
              label="Role"
              required
              data={ROLE_OPTIONS}
              value={form.role || null}
              onChange={(value) => {
                setRoleMissing(false);
                setForm((current) => ({ ...current, role: value ?? "" }));
              }}
              error={roleMissing ? "Choose a role" : field.role}
            />
            <PasswordInput
              label="Initial password"
              description={`At least ${minLength} characters; not a common password, not the email`}
              required
              autoComplete="new-password"
              {...input("password")}
            />
          </SimpleGrid>
          <FormButtons busy={create.isPending} label="Create account" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

const EDITABLE = ["first_name", "last_name", "phone", "role"] as const;

/** Names, phone and role of an account; only what changed is sent, against the version read. */
export function EditStaffMember({ user, onClose }: { user: StaffUser; onClose: () => void }) {
  const [form, setForm] = useState({
    first_name: user.first_name,
    last_name: user.last_name,
    phone: user.phone ?? "",
    role: user.role as string,
  });
  const update = useAction(
    (body: Schemas["UserUpdate"]) =>
      unwrap(
        api.PUT("/api/users/{user_id}", {
          params: { path: { user_id: user.user_id }, header: { "If-Match": `"${user.version}"` } },
          body,
        }),
      ),
    { invalidates: [["users"]] },
  );
  const { field, notice } = formErrors(update.error, EDITABLE);
  const input = (name: "first_name" | "last_name" | "phone") => ({
    value: form[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((current) => ({ ...current, [name]: value }));
    },
    error: field[name],
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const changes: Schemas["UserUpdate"] = {};
    if (form.first_name.trim() !== user.first_name) changes.first_name = form.first_name.trim();
    if (form.last_name.trim() !== user.last_name) changes.last_name = form.last_name.trim();
    if ((form.phone.trim() || null) !== user.phone) changes.phone = form.phone.trim() || null;
    if (isRole(form.role) && form.role !== user.role) changes.role = form.role;
    if (Object.keys(changes).length === 0) onClose();
    else update.mutate(changes, { onSuccess: onClose });
  }

  return (
    <Modal
      closeButtonProps={{ "aria-label": "Close" }}
      opened
      onClose={onClose}
      title={`Edit ${user.first_name} ${user.last_name}`}
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorNotice error={notice} title="The account was not changed" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="First name" required {...input("first_name")} />
            <TextInput label="Last name" required {...input("last_name")} />
            <TextInput label="Phone" type="tel" {...input("phone")} />
            <Select
              label="Role"
              required
              data={ROLE_OPTIONS}
              value={form.role}
              allowDeselect={false}
              onChange={(value) => setForm((current) => ({ ...current, role: value ?? user.role }))}
              error={field.role}
            />
          </SimpleGrid>
          <FormButtons busy={update.isPending} label="Save changes" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Deactivating ends the account's sessions at once: it is confirmed first. */
export function ConfirmDeactivate({
  user,
  busy,
  onConfirm,
  onClose,
}: {
  user: StaffUser;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal
      closeButtonProps={{ "aria-label": "Close" }}
      opened
      onClose={onClose}
      title={`Deactivate ${user.first_name} ${user.last_name}?`}
    >
      <Stack>
        <p>
          They are signed out everywhere at once and can no longer sign in. Their records stay, and
          you can reactivate the account later.
        </p>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red.8" loading={busy} onClick={onConfirm}>
            Deactivate
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
