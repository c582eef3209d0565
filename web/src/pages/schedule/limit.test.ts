import { describe, expect, it } from "vitest";
import { createLimiter } from "./limit";

describe("a limiter", () => {
  it("runs at most so many tasks at once, all of them in the end", async () => {
    const limit = createLimiter(3);
    let running = 0;
    let most = 0;
    const task = (value: number) => async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running -= 1;
      return value;
    };
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => limit(task(n))));
    expect(results).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(most).toBe(3);
  });

  it("passes a failure on and goes on with the next task", async () => {
    const limit = createLimiter(1);
    const failed = limit(() => Promise.reject(new Error("no")));
    const next = limit(() => Promise.resolve("yes"));
    await expect(failed).rejects.toThrow("no");
    await expect(next).resolves.toBe("yes");
  });
});
