import type { Engine } from './engine';

/** How often the host asks whether today's backup is due: a machine asleep at midnight backs up soon after. */
export const dailyBackupCheckMs = 10 * 60 * 1000;

/**
 * The hosts' timer for the daily backup (web server, the desktop app's engine process): now, then every
 * `dailyBackupCheckMs`. Whether one is due is the engine's to say (`runDueBackups`), by the engine's clock,
 * which is what the tests drive. A failed backup is told to `log` and tried again at the next tick. Returns
 * the function that stops the timer.
 */
export function scheduleDailyBackups(engine: Engine, log: (line: string) => void): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    engine
      .runDueBackups()
      .then((made) => {
        if (made) log(`每日自动备份：${made.path}`);
      })
      .catch((error: unknown) => log((error as Error).message))
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, dailyBackupCheckMs);
  // The timer never keeps the process alive by itself.
  timer.unref();
  return () => clearInterval(timer);
}
