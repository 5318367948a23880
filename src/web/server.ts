import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiResponse, Engine, ErrorCode } from '../engine';
import { denyFraming } from './frame-denial';
import { hostIsAllowed, originIsAllowed, tokenIsValid } from './request-guard';
import { serveStatic } from './static-files';

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const maxBodyBytes = 64 * 1024 * 1024;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function refuse(response: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(response, status, { ok: false, error: { code, message } } satisfies ApiResponse);
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new BodyTooLarge());
        request.pause();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function handleApi(engine: Engine, method: string, request: IncomingMessage, response: ServerResponse) {
  let body: unknown;
  try {
    const text = await readBody(request);
    body = text ? JSON.parse(text) : {};
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      response.setHeader('connection', 'close');
      refuse(response, 413, 'VALIDATION', `请求超过 ${maxBodyBytes / 1024 / 1024} MB，未处理。`);
    } else refuse(response, 400, 'VALIDATION', '请求内容不是有效的 JSON。');
    return;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    refuse(response, 400, 'VALIDATION', '请求内容应为 {"input": …} 形式的 JSON 对象。');
    return;
  }
  const session = request.headers['x-ledger-session'];
  const result = await engine.call(
    {
      method,
      input: (body as { input?: unknown }).input ?? {},
      session: typeof session === 'string' ? session : null,
    },
    // Login throttles per source: the client's address as the socket has it, never a header the
    // client could set (the server listens on 127.0.0.1 only, so there is no proxy to trust).
    { source: request.socket.remoteAddress ?? 'web' },
  );
  // The engine answered: 200 with its envelope, whether the answer is a result or a refusal
  // (a wrong password is an answer, not a broken request). HTTP statuses are kept for what the
  // server itself refuses before the engine sees anything: no token, a foreign host, bad JSON.
  sendJson(response, 200, result);
}

/**
 * Web mode: the renderer and `POST /api/:method` from one server bound to 127.0.0.1 only.
 * The engine runs in this process (ARCHITECTURE.md "Processes").
 */
export function startWebServer(
  engine: Engine,
  options: { rendererRoot: string; port: number; token?: string },
) {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port;
  const server = http.createServer((request, response) => {
    denyFraming(response);
    if (!hostIsAllowed(request, port)) {
      refuse(response, 403, 'FORBIDDEN', '拒绝访问：只接受本机地址的请求。');
      return;
    }
    const url = request.url ?? '/';
    if (url.startsWith('/api/')) {
      if (request.method !== 'POST') {
        refuse(response, 405, 'VALIDATION', '接口只接受 POST 请求。');
        return;
      }
      if (!originIsAllowed(request, port)) {
        refuse(response, 403, 'FORBIDDEN', '拒绝访问：请求来自其他网站。');
        return;
      }
      if (!tokenIsValid(request, token)) {
        refuse(response, 401, 'UNAUTHENTICATED', '缺少或错误的访问令牌，请使用启动时打印的地址打开。');
        return;
      }
      void handleApi(
        engine,
        // Method names are plain ASCII (`system.info`): nothing to decode, and nothing to throw on.
        url.slice('/api/'.length).split('?')[0] ?? '',
        request,
        response,
      ).catch((error: unknown) =>
        refuse(response, 500, 'INTERNAL', `程序内部错误：${(error as Error).message}`),
      );
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      refuse(response, 405, 'VALIDATION', '不支持的请求方法。');
      return;
    }
    serveStatic(options.rendererRoot, url, response);
  });

  return new Promise<WebServer>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/#token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
