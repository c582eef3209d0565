export default function AccessLog() {
  return null;
}
