import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useDocuments } from "../../api/documents";
import { useUser } from "../../auth/session";
import { Pager } from "../../components/Pager";
import { ErrorNotice, Loading } from "../../components/Status";
import { can } from "../../lib/access";
import { KIND_LABEL, mayRead, UPLOAD_KINDS, type DocumentRecord } from "../../lib/documents";
import { DocumentGrid } from "./DocumentCard";
import { DocumentUpload } from "./DocumentUpload";
import { useActivePlan } from "./queries";

const PER_PAGE = 12;

function uploadedNotice(document: DocumentRecord, readable: boolean): string {
  const uploaded = `${KIND_LABEL[document.kind]} uploaded.`;
  return readable ? uploaded : `${uploaded} Only clinicians and admins can open it.`;
}

/**
 * The patient's documents, newest first: those the user's role may read (the API leaves the
 * others out of the list), a new one, and retirement for admins.
 */
export function Documents({ patientId, zone }: { patientId: number; zone: string }) {
  const { role } = useUser();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const documents = useDocuments(patientId, { page, perPage: PER_PAGE });
  const activePlan = useActivePlan(patientId).data?.plan ?? null;
  const listed = documents.data?.documents ?? [];

  return (
    <section aria-labelledby="documents-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} id="documents-title">
          Documents
        </Title>
        {!adding && (
          <Button
            variant="default"
            onClick={() => {
              setNotice(null);
              setAdding(true);
            }}
          >
            Upload a document
          </Button>
        )}
      </Group>
      <Stack>
        {adding && (
          <DocumentUpload
            patientId={patientId}
            activePlan={activePlan}
            onDone={(document) => {
              setAdding(false);
              if (document) {
                setPage(1);
                setNotice(uploadedNotice(document, mayRead(role, document.kind)));
              }
            }}
          />
        )}
        {notice && (
          <Text role="status" c="teal.9" fw={600}>
            {notice}
          </Text>
        )}
        {UPLOAD_KINDS.some((kind) => !mayRead(role, kind)) && (
          <Text size="sm">
            Referrals, lab reports, consent forms and other papers are for clinicians and admins:
            they are not listed here.
          </Text>
        )}
        <ErrorNotice error={documents.error} />
        {documents.isPending ? (
          <Loading label="Loading the documents" />
        ) : (
          documents.data &&
          (listed.length === 0 ? (
            <Text>No documents on file.</Text>
          ) : (
            <DocumentGrid
              label="Documents"
              documents={listed}
              zone={zone}
              canRetire={can(role, "admin")}
              busy={documents.isFetching}
            />
          ))
        )}
        {listed.length > 0 && (
          <Pager
            pagination={documents.data?.pagination}
            onChange={setPage}
            noun={["document", "documents"]}
          />
        )}
      </Stack>
    </section>
  );
}
