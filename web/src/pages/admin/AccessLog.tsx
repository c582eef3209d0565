import { Anchor, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useClinic } from "../../api/clinic";
import { Loading } from "../../components/Status";
import { usePatientNames } from "../billing/people";
import { AuditLog } from "./AuditLog";

/** One patient's accounting of disclosures: who read or changed their data, when, from where. */
export default function AccessLog() {
  const patientId = Number(useParams().patientId);
  const clinic = useClinic();
  const valid = Number.isInteger(patientId) && patientId > 0;
  const name = usePatientNames(valid ? [patientId] : []).get(patientId);
  return (
    <>
      <Title order={2}>Access log</Title>
      {valid && (
        <Text mb="md">
          Who read or changed the data of{" "}
          <Anchor inherit component={Link} to={`/patients/${patientId}`} underline="always">
            {name ?? `patient #${patientId}`}
          </Anchor>
          , newest first.
        </Text>
      )}
      {!valid ? (
        <Text>There is no such patient.</Text>
      ) : clinic ? (
        <AuditLog key={patientId} timeZone={clinic.timezone} patientId={patientId} />
      ) : (
        <Loading label="Loading the clinic's settings" />
      )}
    </>
  );
}
