import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { withFrameAncestorsNone } from '../../src/web/frame-denial';
import { startWebServer, type WebServer } from '../../src/web/server';
import { administrator, beijingBranch, newLedger, tempFolder } from './support/ledger';
import { httpRequest, postApi } from './support/http';
import { startWebServerProcess } from './support/web-process';

const indexHtml =
  '<!doctype html><html lang="zh-CN"><head><title>分支账簿</title></head><body></body></html>';

/** A renderer folder as the build leaves it, with a package.json beside it for traversal probes to aim at. */
function rendererFolder(): string {
  const root = path.join(tempFolder(), 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), indexHtml);
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("分支账簿");\n');
  fs.writeFileSync(path.join(root, '..', 'package.json'), '{"name":"secret-neighbour"}');
  return root;
}

async function webLedger(): Promise<WebServer> {
  const { engine } = await newLedger();
  const server = await startWebServer(engine, { rendererRoot: rendererFolder(), port: 0 });
  onTestFinished(() => server.close());
  return server;
}

describe('the renderer files', () => {
  it('serves index.html at / and the assets beside it', async () => {
    const { port, url } = await webLedger();
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/#token=`));

    const page = await httpRequest(port);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toBe(indexHtml);

    const script = await httpRequest(port, { path: '/assets/app.js' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['x-content-type-options']).toBe('nosniff');

    expect((await httpRequest(port, { path: '/missing.js' })).status).toBe(404);
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/assets/../../package.json', '/..%2fpackage.json'])(
    'does not serve files outside its folder: %s',
    async (probe) => {
      const { port } = await webLedger();
      const answer = await httpRequest(port, { path: probe });
      expect(answer.status).toBe(404);
      expect(answer.body).toBe('Not found');
    },
  );
});

describe('who may talk to the server', () => {
  it('refuses API calls without the token, or with a wrong one', async () => {
    const { port, token } = await webLedger();
    const wrongTokens = [undefined, 'x'.repeat(token.length), 'short', `${token}x`];
    for (const wrongToken of wrongTokens) {
      const answer = await postApi(
        port,
        'system.info',
        {},
        wrongToken === undefined ? {} : { token: wrongToken },
      );
      expect(answer.status).toBe(401);
      expect(answer.json.error?.code).toBe('UNAUTHENTICATED');
      expect(answer.json.error?.message).toContain('访问令牌');
    }
    const basic = await postApi(port, 'setup.status', {}, { headers: { authorization: `Basic ${token}` } });
    expect(basic.status).toBe(401);
  });

  it('answers the right token with the right Host, as 127.0.0.1 or localhost', async () => {
    const { port, token } = await webLedger();
    const answer = await postApi(port, 'setup.status', {}, { token });
    expect(answer).toEqual({ status: 200, json: { ok: true, result: { isSetUp: false, branchName: null } } });
    const viaLocalhost = await postApi(
      port,
      'setup.status',
      {},
      { token, headers: { host: `localhost:${port}` } },
    );
    expect(viaLocalhost.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding) for the API and for the pages', async () => {
    const { port, token } = await webLedger();
    for (const host of [`evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`]) {
      const api = await postApi(port, 'setup.status', {}, { token, headers: { host } });
      expect(api.status).toBe(403);
      expect(api.json.error?.code).toBe('FORBIDDEN');
      const page = await httpRequest(port, { headers: { host } });
      expect(page.status).toBe(403);
      expect(page.body).not.toContain('分支账簿</title>');
    }
  });

  it('refuses API calls from another website, but not from its own page', async () => {
    const { port, token } = await webLedger();
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${port + 1}`]) {
      const answer = await postApi(port, 'setup.status', {}, { token, headers: { origin } });
      expect(answer.status).toBe(403);
      expect(answer.json.error?.message).toBe('拒绝访问：请求来自其他网站。');
    }
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      expect((await postApi(port, 'setup.status', {}, { token, headers: { origin } })).status).toBe(200);
    }
  });

  it('accepts only POST on the API and only GET or HEAD for pages', async () => {
    const { port, token } = await webLedger();
    const get = await httpRequest(port, {
      path: '/api/setup.status',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(get.status).toBe(405);
    expect(JSON.parse(get.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await httpRequest(port, { method: 'PUT', path: '/' })).status).toBe(405);
    expect((await httpRequest(port, { method: 'HEAD', path: '/' })).status).toBe(200);
  });
});

describe('no other page may frame web mode (clickjacking)', () => {
  it("every answer carries frame-ancestors 'none' and X-Frame-Options DENY", async () => {
    const { port, token } = await webLedger();
    const auth = { authorization: `Bearer ${token}` };
    const answers = {
      page: await httpRequest(port),
      asset: await httpRequest(port, { path: '/assets/app.js' }),
      missing: await httpRequest(port, { path: '/missing.js' }),
      badEscape: await httpRequest(port, { path: '/%E0%A4%A' }),
      wrongMethod: await httpRequest(port, { method: 'PUT', path: '/' }),
      foreignHost: await httpRequest(port, { headers: { host: `evil.example:${port}` } }),
      noToken: await httpRequest(port, { method: 'POST', path: '/api/setup.status', body: '{}' }),
      apiAnswer: await httpRequest(port, {
        method: 'POST',
        path: '/api/setup.status',
        headers: auth,
        body: '{}',
      }),
      apiRefusal: await httpRequest(port, {
        method: 'POST',
        path: '/api/nothing.here',
        headers: auth,
        body: '{}',
      }),
    };
    const seen = Object.fromEntries(
      Object.entries(answers).map(([name, answer]) => [
        name,
        [answer.headers['content-security-policy'], answer.headers['x-frame-options']],
      ]),
    );
    const denied = ["frame-ancestors 'none'", 'DENY'];
    expect(seen).toEqual(Object.fromEntries(Object.keys(answers).map((name) => [name, denied])));
    expect(answers.apiAnswer.status).toBe(200);
  });

  it.each([
    { policy: undefined, merged: "frame-ancestors 'none'" },
    { policy: "default-src 'self'", merged: "default-src 'self'; frame-ancestors 'none'" },
    {
      policy: "default-src 'self'; frame-ancestors https://partner.example; img-src data:",
      merged: "default-src 'self'; img-src data:; frame-ancestors 'none'",
    },
    {
      policy: "FRAME-ANCESTORS *;  script-src 'self' ;",
      merged: "script-src 'self'; frame-ancestors 'none'",
    },
  ])('merges into an existing policy: $policy', ({ policy, merged }) => {
    expect(withFrameAncestorsNone(policy)).toBe(merged);
  });
});

describe('errors over HTTP', () => {
  it("the engine's refusals arrive as 200 with the error envelope; the server's own refusals as 4xx", async () => {
    const { port, token } = await webLedger();
    // Refused by the engine: the HTTP exchange worked, the answer is in the envelope.
    const engineAnswers = async (method: string, input: unknown) => {
      const answer = await postApi(port, method, input, { token });
      return [answer.status, answer.json.ok, answer.json.error?.code];
    };
    const badCode = { profile: { ...beijingBranch, code: 'x' }, administrator };
    expect(await engineAnswers('setup.createBranch', badCode)).toEqual([200, false, 'VALIDATION']);
    expect(await engineAnswers('goods.delete', {})).toEqual([200, false, 'UNKNOWN_METHOD']);
    expect(await engineAnswers('system.info', {})).toEqual([200, false, 'UNAUTHENTICATED']);
    expect(await engineAnswers('setup.createBranch', { profile: beijingBranch, administrator })).toEqual([
      200,
      true,
      undefined,
    ]);
    expect(await engineAnswers('setup.createBranch', { profile: beijingBranch, administrator })).toEqual([
      200,
      false,
      'CONFLICT',
    ]);
    const wrongPassword = { username: 'admin', password: 'Ledger-2025!' };
    expect(await engineAnswers('auth.login', wrongPassword)).toEqual([200, false, 'WRONG_CREDENTIALS']);

    // Refused by the server before the engine sees anything.
    const notJson = await httpRequest(port, {
      method: 'POST',
      path: '/api/setup.status',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"input":',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON。' },
    });
    expect((await postApi(port, 'system.info', {})).status).toBe(401);
  });

  it('a malformed percent-escape in the URL is answered, and the server keeps serving', async () => {
    const server = await startWebServerProcess(path.join(tempFolder(), 'ledger.db'), rendererFolder());
    const statusOf = async (request: Promise<{ status: number }>) => {
      try {
        return (await request).status;
      } catch (error) {
        const crashed = await server.exited(2000);
        const thrown = /\S*Error: .*/.exec(server.stderr())?.[0] ?? '';
        const where = /at .*\/src\/.*/.exec(server.stderr())?.[0] ?? '';
        const stack = `${thrown} ${where}`;
        return `no answer (${(error as Error).message}); server ${crashed ? 'exited' : 'still running'}: ${stack}`;
      }
    };

    const refused = { status: expect.toBeOneOf([400, 404]) };
    expect({ status: await statusOf(httpRequest(server.port, { path: '/%E0%A4%A' })) }).toEqual(refused);
    const apiCall = httpRequest(server.port, {
      method: 'POST',
      path: '/api/%E0%A4%A',
      headers: { authorization: `Bearer ${server.token}` },
      body: '{}',
    });
    // Method names are never decoded: the escape is just a method nobody has.
    expect({ status: await statusOf(apiCall) }).toEqual({ status: 200 });
    expect(await statusOf(httpRequest(server.port))).toBe(200);
  });
});

describe('login throttling over HTTP', () => {
  it("counts failures by the client's address as the socket has it, not by anything the client sends", async () => {
    const { engine } = await newLedger();
    const server = await startWebServer(engine, { rendererRoot: rendererFolder(), port: 0 });
    onTestFinished(() => server.close());
    const { port, token } = server;
    await postApi(port, 'setup.createBranch', { profile: beijingBranch, administrator }, { token });
    const tryName = (username: string) =>
      postApi(
        port,
        'auth.login',
        { username, password: 'wrong-password', source: 'elsewhere' },
        {
          token,
          headers: { 'x-forwarded-for': '198.51.100.7' },
        },
      );
    for (let index = 1; index <= 11; index += 1) await tryName(`guess${index}`);
    expect((await tryName('admin')).json.error?.code).toBe('LOGIN_THROTTLED');
    const details = engine.db.$client
      .prepare("SELECT DISTINCT detail FROM audit_log WHERE action LIKE 'auth.login%'")
      .all() as { detail: string }[];
    expect(details.map((row) => row.detail)).toEqual(['无此用户；来源 127.0.0.1', '来源 127.0.0.1']);
  });
});

describe('the whole flow over HTTP', () => {
  it('sets up the branch, signs in, and uses the session header', async () => {
    const { port, token } = await webLedger();
    const setup = await postApi(
      port,
      'setup.createBranch',
      { profile: beijingBranch, administrator },
      { token },
    );
    expect(setup).toEqual({
      status: 200,
      json: { ok: true, result: { branchCode: 'BJ01', username: 'admin' } },
    });

    const login = await postApi(
      port,
      'auth.login',
      { username: 'admin', password: administrator.password },
      { token },
    );
    expect(login.status).toBe(200);
    const session = (login.json.result as { session: string }).session;

    const current = await postApi(port, 'auth.currentUser', {}, { token, session });
    expect(current.status).toBe(200);
    expect(current.json.result).toMatchObject({
      user: { username: 'admin', displayName: '张经理', role: 'admin' },
      branch: { code: 'BJ01', name: '北京分公司' },
    });

    // The session alone is not enough: the token is still required.
    expect((await postApi(port, 'auth.currentUser', {}, { session })).status).toBe(401);

    expect((await postApi(port, 'auth.logout', {}, { token, session })).status).toBe(200);
    const after = await postApi(port, 'auth.currentUser', {}, { token, session });
    expect(after.json).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录。' },
    });
  });
});
