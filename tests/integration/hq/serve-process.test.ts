import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHq } from '../../../src/hq/main';
import { spkiSha256Of } from '../../../src/hq/tls-identity';
import { getState } from '../support/hq-client';
import { storeKinds, useHqWorld } from '../support/hq-world';

const quiet = { log: () => undefined, error: () => undefined };

describe.each(storeKinds)('npm run hq -- serve (%s)', (kind) => {
  const world = useHqWorld(kind);

  it('makes its own certificate on first start, prints its pin, and serves a branch over it', async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-serve-'));
    const storeArgs = kind === 'pg' ? world.storeArgs : ['--data', data];
    const lines: string[] = [];
    let child: ReturnType<typeof spawn> | undefined;
    try {
      // The branch is added first, the way an operator would, and its secret read from what is printed.
      const printed: string[] = [];
      await runHq(['branch', 'add', 'GZ03', '--name', '广州分公司', ...storeArgs], {
        log: (line) => printed.push(line),
        error: quiet.error,
      });
      const secret = /密钥（只显示这一次，请妥善转交分支）：(\S+)/.exec(printed.join('\n'))![1]!;

      const server = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/hq/main.ts',
          'serve',
          '--data',
          data,
          ...storeArgs,
          '--port',
          '0',
          '--host',
          '127.0.0.1',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child = server;
      const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
      server.stdout
        .setEncoding('utf8')
        .on('data', (text: string) => lines.push(...text.split('\n').filter(Boolean)));
      server.stderr.setEncoding('utf8').on('data', (text: string) => lines.push(text));
      const port = await new Promise<number>((resolve, reject) => {
        const poll = setInterval(() => {
          const started = lines
            .map((line) => /已启动：https:\/\/127\.0\.0\.1:(\d+)/.exec(line))
            .find(Boolean);
          if (started) {
            clearInterval(poll);
            resolve(Number(started[1]));
          }
        }, 50);
        void exited.then(() => {
          clearInterval(poll);
          reject(new Error(lines.join('\n')));
        });
      });

      const cert = fs.readFileSync(path.join(data, 'hq-cert.pem'));
      expect(lines).toContain(`总部证书公钥指纹（SPKI sha256，供分支固定）：${spkiSha256Of(cert)}`);
      const names = new X509Certificate(cert).subjectAltName ?? '';
      expect(names).toContain('IP Address:127.0.0.1');
      expect(names).toContain('DNS:localhost');
      expect(names).toContain(`DNS:${os.hostname()}`);
      expect((fs.statSync(path.join(data, 'hq-key.pem')).mode & 0o777).toString(8)).toBe('600');

      const state = await getState({ port, ca: cert }, { code: 'GZ03', secret });
      expect(state.status).toBe(200);
      expect(state.json).toMatchObject({ epoch: 0, last_seq: 0, last_sha256: null });

      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(lines).toContain('总部接收服务已停止。');
    } finally {
      // A failed assertion must not leave the server running.
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      fs.rmSync(data, { recursive: true, force: true });
    }
  });
});
