import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliActor, LedgerError, type Engine } from '../../engine';
import { moneySides, type MoneySide } from '../../shared/documents/document-types';
import { agingGroupings, type AgingGrouping } from '../../engine/services/reports/aging';
import { priceSides } from '../../engine/services/documents/price-history';
import { grossProfitGroupings, type GrossProfitGrouping } from '../../engine/services/reports/gross-profit';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api';

/** The report names the command takes, and the API report each one is. */
const reports = {
  'stock-balance': 'stockBalance',
  'stock-card': 'stockCard',
  'period-summary': 'periodSummary',
  'in-transit': 'inTransit',
  'stock-alerts': 'stockAlerts',
  'lot-expiry': 'lotExpiry',
  statement: 'statement',
  aging: 'aging',
  'gross-profit': 'grossProfit',
  'price-history': 'priceHistory',
  'order-execution': 'orderExecution',
} as const;
type CommandReport = keyof typeof reports;

/** Whether a word names a report of the command (stock-balance, statement …). */
export function isReportName(word: string | undefined): boolean {
  return word !== undefined && Object.hasOwn(reports, word);
}
type ReportRequest = ApiInput<'reports.export'>;

export const reportUsage = `ledger report <报表> [--from 日期] [--to 日期] [--as-of 日期] [--warehouse 仓库编码]
       [--goods 商品编码] [--search 文字] [--days 天数] [--counterparty 往来单位编码]
       [--side ${[...moneySides, ...priceSides].join('|')}] [--group-by 分组] [--all] [--format csv|json|pdf] [--out 文件]
  报表: ${Object.keys(reports).join(' | ')}
  日期为 yyyy-MM-dd；--from / --to 默认本月 1 日至今天，--as-of 默认今天。
  statement 需要 --counterparty；--side 默认客户为 receivable（应收）、供应商为 payable（应付）。
  aging 的 --side 默认 receivable，--group-by: ${agingGroupings.join(' | ')}（默认 ${agingGroupings[0]}）。
  gross-profit 的 --group-by: ${grossProfitGroupings.join(' | ')}（默认 ${grossProfitGroupings[0]}）。
  price-history 需要 --goods；--side: ${priceSides.join(' | ')}（默认 ${priceSides[0]}）；可用 --counterparty
  只看一个往来单位；不给 --from / --to 时不限日期。
  order-execution 列出已审核订单每一行的订货、已执行、未执行数量：--side: ${priceSides.join(' | ')}（默认
  ${priceSides[0]}，销售订单或采购订单）；默认只列还有未执行数量的行，--all 也列已执行、已结案的订单；
  可用 --counterparty、--search（商品）与 --from / --to（订单日期，不给时不限日期）。
  csv（默认）带中文表头、UTF-8 BOM，Excel 可直接打开；json 为接口结果。不给 --out 时打印到标准输出。
  pdf 为报表的打印件（A4 横向，与报表页的“打印”相同），须给 --out。`;

async function call<M extends ApiMethod>(
  engine: Engine,
  method: M,
  input: ApiInput<M>,
): Promise<ApiOutput<M>> {
  const response = await engine.callAs(cliActor, method, input);
  if (!response.ok)
    throw new LedgerError(response.error.code, response.error.message, response.error.details);
  return response.result as ApiOutput<M>;
}

/** The id of the warehouse or goods with exactly this code (a search also finds longer codes). */
async function warehouseId(engine: Engine, code: string): Promise<number> {
  const { rows } = await call(engine, 'warehouses.list', { search: code, limit: 1000 });
  const found = rows.find((row) => row.code === code);
  if (!found) throw new LedgerError('NOT_FOUND', `仓库编码【${code}】不存在。`);
  return found.id;
}

async function goodsId(engine: Engine, code: string): Promise<number> {
  const { rows } = await call(engine, 'goods.list', { search: code, limit: 1000 });
  const found = rows.find((row) => row.code === code);
  if (!found) throw new LedgerError('NOT_FOUND', `商品编码【${code}】不存在。`);
  return found.id;
}

async function counterpartyId(engine: Engine, code: string): Promise<number> {
  const { rows } = await call(engine, 'counterparties.list', { search: code, limit: 1000 });
  const found = rows.find((row) => row.code === code);
  if (!found) throw new LedgerError('NOT_FOUND', `往来单位编码【${code}】不存在。`);
  return found.id;
}

/** An option that must be one of a few words, refused with the words it may be. */
function oneOf<Value extends string>(
  option: string,
  given: string | undefined,
  allowed: readonly Value[],
): Value | undefined {
  if (given === undefined || (allowed as readonly string[]).includes(given))
    return given as Value | undefined;
  throw new LedgerError('VALIDATION', `--${option}【${given}】应为 ${allowed.join(' | ')}。`);
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

interface Options {
  from?: string | undefined;
  to?: string | undefined;
  asOf?: string | undefined;
  warehouseId?: number | undefined;
  goodsId?: number | undefined;
  search?: string | undefined;
  days?: string | undefined;
  counterpartyId?: number | undefined;
  /** 应收 / 应付 for the money reports, 销售 / 采购 for prices and orders: each report checks its own. */
  side?: string | undefined;
  groupBy?: string | undefined;
  /** Not only what is open: done and closed orders too (订单执行情况). */
  all?: boolean | undefined;
}

/** The request for a report from the command's options, each report taking the ones it has. */
function requestFor(report: CommandReport, options: Options): ReportRequest {
  const { warehouseId, goodsId, search } = options;
  const from = options.from ?? `${today().slice(0, 8)}01`;
  const to = options.to ?? today();
  switch (report) {
    case 'stock-balance':
      return { report: 'stockBalance', input: { asOf: options.asOf, warehouseId, goodsId, search } };
    case 'stock-card':
      if (goodsId === undefined) throw new LedgerError('VALIDATION', '商品明细账需要 --goods 商品编码。');
      return { report: 'stockCard', input: { goodsId, warehouseId, from, to } };
    case 'period-summary':
      return { report: 'periodSummary', input: { from, to, warehouseId, goodsId, search } };
    case 'in-transit':
      return { report: 'inTransit', input: { warehouseId, search } };
    case 'stock-alerts':
      return { report: 'stockAlerts', input: { warehouseId, search } };
    case 'lot-expiry': {
      const withinDays = options.days === undefined ? undefined : Number(options.days);
      if (withinDays !== undefined && !Number.isInteger(withinDays)) {
        throw new LedgerError('VALIDATION', `--days【${options.days}】应为整数天数。`);
      }
      return { report: 'lotExpiry', input: { withinDays, asOf: options.asOf, warehouseId, search } };
    }
    case 'statement':
      if (options.counterpartyId === undefined)
        throw new LedgerError('VALIDATION', '对账单需要 --counterparty 往来单位编码。');
      return {
        report: 'statement',
        input: {
          counterpartyId: options.counterpartyId,
          side: oneOf<MoneySide>('side', options.side, moneySides),
          from,
          to,
        },
      };
    case 'aging': {
      const groupBy = oneOf<AgingGrouping>('group-by', options.groupBy, agingGroupings);
      const side = oneOf<MoneySide>('side', options.side, moneySides);
      return { report: 'aging', input: { side, asOf: options.asOf, groupBy } };
    }
    case 'gross-profit': {
      const groupBy = oneOf<GrossProfitGrouping>('group-by', options.groupBy, grossProfitGroupings);
      return { report: 'grossProfit', input: { from, to, groupBy } };
    }
    case 'price-history': {
      if (goodsId === undefined) throw new LedgerError('VALIDATION', '价格跟踪需要 --goods 商品编码。');
      const side = oneOf('side', options.side, priceSides);
      // Every day the goods was traded, unless a period is asked for: not this month's default.
      const { counterpartyId } = options;
      return {
        report: 'priceHistory',
        input: { goodsId, side, counterpartyId, from: options.from, to: options.to },
      };
    }
    case 'order-execution': {
      const side = oneOf('side', options.side, priceSides);
      // Every open order however old, unless a period is asked for: what has waited longest matters most.
      const { counterpartyId } = options;
      return {
        report: 'orderExecution',
        input: {
          side,
          openOnly: !options.all,
          counterpartyId,
          search,
          from: options.from,
          to: options.to,
        },
      };
    }
  }
}

/** The report's own method, for --format json: what the API returns. */
async function reportResult(engine: Engine, request: ReportRequest): Promise<unknown> {
  const method = `reports.${request.report}` as const;
  return call(engine, method, request.input as never);
}

function writeFile(target: string, content: string | Buffer): string {
  const filePath = path.resolve(target);
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  fs.writeFileSync(filePath, content);
  return filePath;
}

/**
 * The CLI prints every command's result as JSON (output.ts); a CSV on standard output must be all
 * there is, so this command ends the process itself once the text is written out.
 */
async function printAndExit(engine: Engine, text: string): Promise<never> {
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(text, (error) => (error ? reject(error) : resolve())),
  );
  engine.close();
  process.exit(0);
}

/** `ledger report <name> …`: a stock, money or profit report as CSV or JSON, to a file or standard output. */
export async function reportCommand(engine: Engine, args: string[]): Promise<unknown> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      'as-of': { type: 'string' },
      warehouse: { type: 'string' },
      goods: { type: 'string' },
      search: { type: 'string' },
      days: { type: 'string' },
      counterparty: { type: 'string' },
      side: { type: 'string' },
      'group-by': { type: 'string' },
      all: { type: 'boolean' },
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
    },
  });
  const [name] = positionals;
  if (
    !name ||
    !Object.hasOwn(reports, name) ||
    !['csv', 'json', 'pdf'].includes(values.format) ||
    (values.format === 'pdf' && values.out === undefined)
  ) {
    throw new LedgerError('VALIDATION', `用法: ${reportUsage}`);
  }
  const request = requestFor(name as CommandReport, {
    from: values.from,
    to: values.to,
    asOf: values['as-of'],
    warehouseId: values.warehouse === undefined ? undefined : await warehouseId(engine, values.warehouse),
    goodsId: values.goods === undefined ? undefined : await goodsId(engine, values.goods),
    search: values.search,
    days: values.days,
    counterpartyId:
      values.counterparty === undefined ? undefined : await counterpartyId(engine, values.counterparty),
    side: values.side,
    groupBy: values['group-by'],
    all: values.all,
  });
  if (values.format === 'json') {
    const result = await reportResult(engine, request);
    if (values.out === undefined) return result;
    const rows = (result as { rows: unknown[] }).rows.length;
    return { path: writeFile(values.out, `${JSON.stringify(result, null, 2)}\n`), rows };
  }
  if (values.format === 'pdf') {
    const printed = await call(engine, 'reports.print', request);
    return {
      path: writeFile(values.out!, Buffer.from(printed.contentBase64, 'base64')),
      pages: printed.pages,
    };
  }
  const file = await call(engine, 'reports.export', { ...request, format: 'csv' });
  const csv = Buffer.from(file.base64, 'base64').toString('utf8');
  if (values.out === undefined) return printAndExit(engine, csv);
  return { path: writeFile(values.out, csv), rows: file.rows };
}
