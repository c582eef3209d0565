/**
 * At most `max` tasks at a time; the others wait their turn in order. Keeps a busy day's many
 * look-ups (pages of visits, patients' names) from flooding the server.
 */
export function createLimiter(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];

  const next = () => {
    running -= 1;
    waiting.shift()?.();
  };

  return function run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        running += 1;
        Promise.resolve().then(task).then(resolve, reject).finally(next);
      };
      if (running < max) start();
      else waiting.push(start);
    });
  };
}
