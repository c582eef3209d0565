import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useDocuments } from "../../api/documents";
import { ErrorNotice, Loading } from "../../components/Status";
import { DocumentGrid } from "../patients/DocumentCard";

const NEWEST = 6;

/** The patient's newest referrals and lab reports, for the clinician at the visit. */
export function VisitDocuments({ patientId, zone }: { patientId: number; zone: string }) {
  const referrals = useDocuments(patientId, { kind: "referral", perPage: NEWEST });
  const labReports = useDocuments(patientId, { kind: "lab_report", perPage: NEWEST });
  const lists = [referrals, labReports];
  const documents = lists
    .flatMap((list) => list.data?.documents ?? [])
    .sort((a, b) => b.uploaded_at.localeCompare(a.uploaded_at));
  const more = lists.some((list) => list.data?.pagination.has_next);

  return (
    <section aria-labelledby="visit-documents-title">
      <Title order={3} id="visit-documents-title" mb="sm">
        Referrals and lab reports
      </Title>
      <Stack>
        <ErrorNotice error={referrals.error ?? labReports.error} />
        {lists.some((list) => list.isPending) ? (
          <Loading label="Loading the documents" />
        ) : documents.length === 0 ? (
          <Text>No referrals or lab reports on file.</Text>
        ) : (
          <DocumentGrid label="Referrals and lab reports" documents={documents} zone={zone} />
        )}
        {more && (
          <Text size="sm">
            The newest {NEWEST} of each;{" "}
            <Anchor component={Link} to={`/patients/${patientId}`}>
              every document is on the patient's page
            </Anchor>
            .
          </Text>
        )}
      </Stack>
    </section>
  );
}
