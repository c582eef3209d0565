export default function Revenue() {
  return null;
}
