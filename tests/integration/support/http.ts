import http from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One request with node:http, which (unlike fetch) sends the path and the Host header exactly as
 * given: what a DNS-rebinding page or a path-traversal probe would send.
 */
export function httpRequest(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

export interface ApiAnswer {
  status: number;
  json: { ok: boolean; result?: unknown; error?: { code: string; message: string; details?: unknown } };
}

/** `POST /api/<method>` as the web renderer sends it. */
export async function postApi(
  port: number,
  method: string,
  input: unknown,
  options: { token?: string; session?: string; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.session !== undefined) headers['x-ledger-session'] = options.session;
  const answer = await httpRequest(port, {
    method: 'POST',
    path: `/api/${method}`,
    headers,
    body: JSON.stringify({ input }),
  });
  return { status: answer.status, json: JSON.parse(answer.body) as ApiAnswer['json'] };
}
