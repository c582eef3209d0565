import { Button, Title } from "@mantine/core";
import { Link, useNavigate } from "react-router";
import { CreatePatientForm } from "./PatientForm";

export default function NewPatient() {
  const navigate = useNavigate();
  return (
    <>
      <Title order={2} mb="md">
        New patient
      </Title>
      <CreatePatientForm
        onCreated={(patient) => navigate(`/patients/${patient.patient_id}`)}
        actions={
          <Button variant="default" component={Link} to="/patients">
            Cancel
          </Button>
        }
      />
    </>
  );
}
