import { describe, expect, it } from "vitest";
import { createBatchLoader } from "./batchLoader";

/** A loader over a fake source that records each request; ids above 1000 do not exist. */
function setUp(maxBatch = 100) {
  const requests: number[][] = [];
  const load = createBatchLoader(
    (ids: number[]) => {
      requests.push(ids);
      if (ids.includes(-1)) return Promise.reject(new Error("server down"));
      return Promise.resolve(new Map(ids.filter((id) => id <= 1000).map((id) => [id, `#${id}`])));
    },
    { maxBatch, missing: (id) => new Error(`no ${id}`) },
  );
  return { load, requests };
}

describe("a batch loader", () => {
  it("fetches every key asked for in one tick in one request, each key once", async () => {
    const { load, requests } = setUp();
    const values = await Promise.all([load(3), load(1), load(3), load(2)]);
    expect(values).toEqual(["#3", "#1", "#3", "#2"]);
    expect(requests).toEqual([[3, 1, 2]]);
  });

  it("splits a large tick into chunks of at most the batch size", async () => {
    const { load, requests } = setUp();
    const ids = Array.from({ length: 250 }, (_, n) => n + 1);
    const values = await Promise.all(ids.map(load));
    expect(values).toEqual(ids.map((id) => `#${id}`));
    expect(requests.map((chunk) => chunk.length)).toEqual([100, 100, 50]);
    expect(requests.flat()).toEqual(ids);
  });

  it("makes a new request for keys asked for in a later tick", async () => {
    const { load, requests } = setUp();
    await load(1);
    await Promise.all([load(1), load(2)]);
    expect(requests).toEqual([[1], [1, 2]]);
  });

  it("rejects a key the answer leaves out, and only that key", async () => {
    const { load } = setUp();
    const absent = load(2000);
    const present = load(5);
    await expect(absent).rejects.toThrow("no 2000");
    await expect(present).resolves.toBe("#5");
  });

  it("rejects every key of a failed request with its error, not those of other chunks", async () => {
    const { load, requests } = setUp(2);
    const results = await Promise.allSettled([load(-1), load(1), load(2)]);
    expect(requests).toEqual([[-1, 1], [2]]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected", "fulfilled"]);
    expect(results[0]).toMatchObject({ reason: new Error("server down") });
  });
});
