import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveStatic } from '../../web/static-files';
import type { HqClock } from '../clock';
import { ConsoleError } from './console-error';
import type { HqStore } from '../store/hq-store';
import { branchOverview } from './branch-overview';
import { bearerTokenIsValid } from './console-token';
import { salesGoods, salesSummary, stockGoods, stockSummary, type SummaryQuery } from './summaries';

export interface ConsoleOptions {
  token: string;
  /** The built console page (out/hq-console). */
  staticRoot: string;
}

/** The prefix everything of the console lives under; a branch's endpoints stay under /v1/. */
export const consolePrefix = '/console';

const goodsPattern = /^\/console\/api\/branches\/([^/]+)\/goods$/;

/**
 * Every answer of the console: no other page may frame it (clickjacking), and nothing is sniffed.
 * The rest of the strict policy is in the built page's meta tag, the same as the branch app's
 * (electron/content-security-policy.ts); `frame-ancestors` only works as a header.
 */
function secureConsoleResponse(res: ServerResponse): void {
  res.setHeader('content-security-policy', "frame-ancestors 'none'");
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function summaryQuery(url: URL): SummaryQuery {
  return {
    from: url.searchParams.get('from') || null,
    to: url.searchParams.get('to') || null,
    branch: url.searchParams.get('branch') || null,
  };
}

function required(url: URL, name: string, label: string): string {
  const value = url.searchParams.get(name);
  if (!value) throw new ConsoleError(400, `缺少参数 ${name}（${label}）`);
  return value;
}

async function answerApi(store: HqStore, clock: HqClock, url: URL): Promise<unknown> {
  const path = url.pathname;
  if (path === '/console/api/overview') return branchOverview(store, clock.now());
  if (path === '/console/api/stock') return stockSummary(store, summaryQuery(url));
  if (path === '/console/api/sales') return salesSummary(store, summaryQuery(url));
  const goods = goodsPattern.exec(path);
  if (goods) {
    const branch = decodeURIComponent(goods[1]!);
    if (!(await store.findBranch(branch))) {
      throw new ConsoleError(404, `总部没有登记分支 ${branch}`);
    }
    const month = required(url, 'month', '月份');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new ConsoleError(400, `月份 ${month} 无效，应为 YYYY-MM，例如 2026-03`);
    }
    const query = { branch, month, category: required(url, 'category', '商品类别') };
    const report = url.searchParams.get('report');
    if (report === 'stock') return stockGoods(store, query);
    if (report === 'sales') return salesGoods(store, query);
    throw new ConsoleError(400, '参数 report 应为 stock（库存）或 sales（销售）');
  }
  throw new ConsoleError(404, `总部控制台没有这个接口：${path}`);
}

/**
 * The console's routes: `/console/api/…` JSON for the token's holder, `/console/…` the built page.
 * Answers true when the request was the console's.
 */
export function consoleHandler(options: ConsoleOptions & { store: HqStore; clock: HqClock }) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const path = url.pathname;
    if (path !== consolePrefix && !path.startsWith(`${consolePrefix}/`)) return false;
    secureConsoleResponse(res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET');
      sendJson(res, 405, { error: 'method_not_allowed', message: '总部控制台只接受 GET 请求' });
      return true;
    }
    if (path === consolePrefix) {
      // The page's assets are relative to /console/.
      res.writeHead(301, { location: `${consolePrefix}/${url.search}` }).end();
      return true;
    }
    if (!path.startsWith(`${consolePrefix}/api/`)) {
      serveStatic(options.staticRoot, path.slice(consolePrefix.length), res);
      return true;
    }
    if (!bearerTokenIsValid(req, options.token)) {
      sendJson(res, 401, {
        error: 'console_token',
        message: '缺少或错误的控制台访问令牌：请用启动总部服务（npm run hq）时打印的“总部控制台”地址打开。',
      });
      return true;
    }
    try {
      sendJson(res, 200, await answerApi(options.store, options.clock, url));
    } catch (error) {
      if (error instanceof ConsoleError) {
        sendJson(res, error.status, {
          error: error.status === 404 ? 'not_found' : 'malformed',
          message: error.message,
        });
        return true;
      }
      console.error('总部控制台处理请求出错：', error);
      sendJson(res, 500, { error: 'internal', message: '总部控制台读取数据时出错，请稍后重试' });
    }
    return true;
  };
}
