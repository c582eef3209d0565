export default function NewPatient() {
  return null;
}
