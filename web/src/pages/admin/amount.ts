/** A price typed as money ("150", "150.5", "1,250.00") in integer cents, or null if it is not one. */
export function parseAmount(text: string): number | null {
  const plain = text
    .trim()
    .replace(/^\$/, "")
    .replace(/,(?=\d{3}(\D|$))/g, "");
  const match = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(plain);
  if (!match) return null;
  const [, units = "0", fraction = ""] = match;
  return Number(units) * 100 + Number(fraction.padEnd(2, "0"));
}

/** Cents as the text of a price field: 15000 -> "150.00". */
export function amountText(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}
