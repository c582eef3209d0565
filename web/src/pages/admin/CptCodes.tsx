export default function CptCodes() {
  return null;
}
