export default function Month() {
  return null;
}
