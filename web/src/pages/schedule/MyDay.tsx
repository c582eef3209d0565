export default function MyDay() {
  return null;
}
