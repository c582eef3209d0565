export default function WorkingHours() {
  return null;
}
