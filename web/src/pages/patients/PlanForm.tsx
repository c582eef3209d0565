import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useRef, useState } from "react";
import { api, type Schemas } from "../../api/client";
import { useAction } from "../../api/actions";
import { useFilesToUpload } from "../../api/documents";
import { FileField } from "../../components/FileField";
import { UploadRetry } from "../../components/UploadRetry";
import { KIND_LABEL } from "../../lib/documents";
import { unwrap } from "../../api/errors";
import { useClinic } from "../../api/clinic";
import { ErrorNotice } from "../../components/Status";
import { errorsOn, unplaced } from "./formErrors";
import { options, PLAN_TYPE_LABEL } from "./labels";
import { EMPTY_PLAN, needsCopay, planBody, type PlanValues } from "./planModel";

const FIELDS = [
  "carrier_name",
  "member_id",
  "group_id",
  "plan_type",
  "copay_cents",
  "effective_date",
];

type Plan = Schemas["PlanRead"];
type Side = "insurance_card_front" | "insurance_card_back";
const SIDES: readonly Side[] = ["insurance_card_front", "insurance_card_back"];

/**
 * A new insurance plan: once saved it is the patient's active plan, the previous one kept. The
 * card's images, if chosen, are uploaded after it with its plan_id; when one is refused the plan
 * stays saved, and only the card is sent again.
 */
export function PlanForm({ patientId, onDone }: { patientId: number; onDone: () => void }) {
  const currency = useClinic()?.currency ?? "USD";
  const [values, setValues] = useState<PlanValues>(EMPTY_PLAN);
  // Set the moment the plan is saved: a second submit sends the card, never another plan.
  const saved = useRef<Plan | null>(null);
  const [unsent, setUnsent] = useState<Plan | null>(null);
  const cards = useFilesToUpload<Side>();
  const save = useAction(
    (plan: PlanValues) =>
      unwrap(
        api.POST("/api/patients/{patient_id}/plan", {
          params: { path: { patient_id: patientId } },
          body: planBody(plan),
        }),
      ),
    {
      invalidates: [
        ["patients", patientId, "plan"],
        ["patients", patientId, "plans"],
      ],
    },
  );
  const errors = errorsOn(save.error);
  const text = (field: "carrier_name" | "member_id" | "group_id" | "effective_date") => ({
    name: field,
    value: values[field],
    error: errors[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      setValues({ ...values, [field]: event.currentTarget.value }),
  });
  const copay = needsCopay(values.plan_type);
  const sendCards = async (plan: Plan) => {
    saved.current = plan;
    if (await cards.send(patientId, (kind) => ({ kind, plan_id: plan.plan_id }))) onDone();
    else setUnsent(plan);
  };
  const submit = () => {
    if (cards.sending || cards.blocked) return;
    if (saved.current) void sendCards(saved.current);
    else save.mutate(values, { onSuccess: (data) => void sendCards(data.plan) });
  };
  const cardField = (side: Side) => (
    <FileField
      key={side}
      label={KIND_LABEL[side]}
      description="Optional"
      camera
      value={cards.file(side)}
      onChange={(file) => cards.choose(side, file)}
      error={cards.refusal(side)}
    />
  );

  if (unsent) {
    return (
      <UploadRetry
        label="Insurance card"
        title="The card was not uploaded"
        message={`The plan with ${unsent.carrier_name} is saved, and sending the card again does not save it twice. Upload the card again, choose another file, or add it later under Documents.`}
        submitLabel="Upload the card"
        leaveLabel="Close"
        onSubmit={submit}
        onLeave={onDone}
        sending={cards.sending}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {SIDES.filter(cards.pending).map(cardField)}
        </SimpleGrid>
      </UploadRetry>
    );
  }
  return (
    <form
      noValidate
      aria-label="New insurance plan"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        <ErrorNotice error={unplaced(save.error, FIELDS)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Insurance carrier" required {...text("carrier_name")} />
          <Select
            label="Plan type"
            required
            placeholder="Choose a type"
            data={options(PLAN_TYPE_LABEL)}
            value={values.plan_type || null}
            onChange={(value) =>
              setValues({ ...values, plan_type: (value ?? "") as PlanValues["plan_type"] })
            }
            error={errors.plan_type}
          />
          <TextInput label="Member ID" required {...text("member_id")} />
          <TextInput label="Group ID" {...text("group_id")} />
          <NumberInput
            label={`Copay (${currency})`}
            description={copay ? "What the patient pays per visit" : "Self-pay: no copay"}
            required={copay}
            disabled={!copay}
            min={0}
            max={1_000_000}
            decimalScale={2}
            clampBehavior="none"
            allowNegative={false}
            value={copay ? values.copay : ""}
            onChange={(value) => setValues({ ...values, copay: value })}
            error={errors.copay_cents}
          />
          <TextInput
            label="Effective from"
            type="date"
            min="1900-01-01"
            max="2100-12-31"
            {...text("effective_date")}
          />
          {SIDES.map(cardField)}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending || cards.sending}>
            Save plan
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
