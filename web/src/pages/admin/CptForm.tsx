import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useAction } from "../../api/actions";
import { api, type Schemas } from "../../api/client";
import { unwrap } from "../../api/errors";
import { ErrorNotice } from "../../components/Status";
import { amountText, parseAmount } from "./amount";
import { formErrors } from "./formErrors";

export type CptCode = Schemas["CptCodeRead"];

const FIELDS = ["code", "description", "category", "price_cents", "is_active"] as const;

/** Add a code to the catalogue, or change one's description, category, price or use. */
export function CptForm({ existing, onClose }: { existing: CptCode | null; onClose: () => void }) {
  const [code, setCode] = useState(existing?.code ?? "");
  const [description, setDescription] = useState(existing?.description ?? "");
  const [category, setCategory] = useState(existing?.category ?? "");
  const [price, setPrice] = useState(existing ? amountText(existing.price_cents) : "");
  const [active, setActive] = useState(existing?.is_active ?? true);
  const [priceProblem, setPriceProblem] = useState<string | null>(null);

  const save = useAction(
    (fields: Required<Schemas["CptCodeUpdate"]>) =>
      existing
        ? unwrap(
            api.PUT("/api/cpt_codes/{code}", {
              params: { path: { code: existing.code } },
              body: changedFields(existing, fields),
            }),
          )
        : unwrap(api.POST("/api/cpt_codes", { body: { code: code.trim(), ...fields } })),
    { invalidates: [["cpt_codes"]] },
  );
  const { field, notice } = formErrors(save.error, FIELDS, { cpt_code_exists: "code" });

  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = parseAmount(price);
    setPriceProblem(cents === null ? "Enter an amount such as 150 or 150.00" : null);
    if (cents === null) return;
    const fields = {
      description: description.trim(),
      category: category.trim(),
      price_cents: cents,
      is_active: active,
    };
    if (existing && Object.keys(changedFields(existing, fields)).length === 0) onClose();
    else save.mutate(fields, { onSuccess: onClose });
  }

  return (
    <Modal
      closeButtonProps={{ "aria-label": "Close" }}
      opened
      onClose={onClose}
      title={existing ? `Edit CPT code ${existing.code}` : "New CPT code"}
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorNotice error={notice} title="The code was not saved" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Code"
              description="Five digits, or four digits and a letter"
              required
              disabled={existing !== null}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={field.code}
            />
            <TextInput
              label="Category"
              required
              value={category}
              onChange={(event) => setCategory(event.currentTarget.value)}
              error={field.category}
            />
          </SimpleGrid>
          <TextInput
            label="Description"
            required
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={field.description}
          />
          <TextInput
            label="Price"
            description="New charges use it; charges already made keep theirs"
            required
            inputMode="decimal"
            value={price}
            onChange={(event) => setPrice(event.currentTarget.value)}
            error={priceProblem ?? field.price_cents}
          />
          <Checkbox
            label="In use (may be charged)"
            checked={active}
            onChange={(event) => setActive(event.currentTarget.checked)}
            error={field.is_active}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {existing ? "Save changes" : "Add code"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Only the fields that differ from the code as read, so each change is one audit event. */
export function changedFields(
  existing: CptCode,
  fields: Required<Schemas["CptCodeUpdate"]>,
): Schemas["CptCodeUpdate"] {
  const changes: Schemas["CptCodeUpdate"] = {};
  if (fields.description !== existing.description) changes.description = fields.description;
  if (fields.category !== existing.category) changes.category = fields.category;
  if (fields.price_cents !== existing.price_cents) changes.price_cents = fields.price_cents;
  if (fields.is_active !== existing.is_active) changes.is_active = fields.is_active;
  return changes;
}
