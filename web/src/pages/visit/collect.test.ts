import { describe, expect, it, vi } from "vitest";
import { collectPages } from "./collect";

const pages = [
  [
    { id: 1, day: 9, visit: 7 },
    { id: 2, day: 8, visit: 5 },
  ],
  [
    { id: 3, day: 7, visit: 7 },
    { id: 4, day: 6, visit: null },
  ],
  [{ id: 5, day: 2, visit: 7 }],
];
const fetchPage = vi.fn(async (page: number) => ({
  items: pages[page - 1] ?? [],
  hasNext: page < pages.length,
}));

describe("collecting a visit's items", () => {
  it("reads every page and keeps the visit's items", async () => {
    fetchPage.mockClear();
    const found = await collectPages(fetchPage, {
      keep: (i) => i.visit === 7,
      tooOld: () => false,
    });
    expect(found.map((i) => i.id)).toEqual([1, 3, 5]);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });
  it("stops once the list has passed the visit", async () => {
    fetchPage.mockClear();
    const found = await collectPages(fetchPage, {
      keep: (i) => i.visit === 7,
      tooOld: (i) => i.day < 7,
    });
    expect(found.map((i) => i.id)).toEqual([1, 3]);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });
  it("gives up after the page limit", async () => {
    fetchPage.mockClear();
    await collectPages(fetchPage, { keep: () => true, tooOld: () => false, maxPages: 1 });
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });
});
