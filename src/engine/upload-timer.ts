import type { Engine } from './engine';

/** How often the host asks whether an upload is due: a retry's wait, a schedule slot, the network back. */
export const uploadCheckMs = 30 * 1000;

/**
 * The hosts' timer for the upload (web server, the desktop app's engine process), beside the backup's:
 * the upload runs on its own clock, never only when something is written. Whether a run is due is the
 * engine's to say (`runDueUpload`); each outcome worth telling goes to `log`. Returns the stop function.
 */
export function scheduleUploads(engine: Engine, log: (line: string) => void): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    engine
      .runDueUpload()
      .then((outcome) => {
        if (outcome?.outcome === 'uploaded' && outcome.sent > 0) log(`上传总部：已送达 ${outcome.sent} 个包`);
        if (outcome?.outcome === 'failed') log(`上传总部未成功：${outcome.failure.message}`);
      })
      .catch((error: unknown) => log(`上传总部出错：${(error as Error).message}`))
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, uploadCheckMs);
  timer.unref();
  return () => clearInterval(timer);
}
