export default function Week() {
  return null;
}
