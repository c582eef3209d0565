import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { api, type Schemas } from "../../api/client";
import { useAction } from "../../api/actions";
import { unwrap } from "../../api/errors";
import { ErrorNotice } from "../../components/Status";

/** Archive (DELETE) after a confirmation, then back to the list. Admins only. */
export function ArchivePatient({ patient }: { patient: Schemas["PatientRead"] }) {
  const [opened, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const archive = useAction(() =>
    unwrap(
      api.DELETE("/api/patients/{patient_id}", {
        params: { path: { patient_id: patient.patient_id } },
      }),
    ),
  );
  const name = `${patient.first_name} ${patient.last_name}`;

  return (
    <>
      <Button color="red" variant="outline" onClick={open}>
        Archive patient
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          archive.reset();
          close();
        }}
        title="Archive this patient?"
        closeButtonProps={{ "aria-label": "Close" }}
      >
        <Stack>
          <ErrorNotice error={archive.error} />
          <Text>
            {name} will disappear from lists and search. Their records and invoices are kept, and
            their appointments that have not started yet are cancelled. This cannot be undone here.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep the patient
            </Button>
            <Button
              color="red"
              loading={archive.isPending}
              onClick={() =>
                archive.mutate(undefined, {
                  onSuccess: () => {
                    queryClient.removeQueries({ queryKey: ["patients", patient.patient_id] });
                    void queryClient.invalidateQueries({ queryKey: ["patients"] });
                    void queryClient.invalidateQueries({ queryKey: ["appointments"] });
                    close();
                    navigate("/patients");
                  },
                })
              }
            >
              Archive patient
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
