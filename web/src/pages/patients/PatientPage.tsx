export default function PatientPage() {
  return null;
}
