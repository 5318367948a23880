import { LedgerError } from '../../../shared/ledger-error';
import { cliActor } from '../context';
import { monthEnd } from '../../domain/calendar/calendar';
import { callAs, inOneTransaction, type DemoEngine } from './demo-api';
import { demoBranchProfile, enterMasterData } from './demo-master-data';
import { demoModel } from './demo-model';
import { DemoPlanner, type PlannedDocument } from './demo-plan';
import { DemoMoney } from './demo-money';
import { DemoPoster } from './demo-posting';
import { demoScales, type DemoScaleName } from './demo-scale';
import { SeededRandom } from './seeded-random';

/**
 * `ledger demo`: a realistic branch with its history, for trying the app, screenshots, tests and
 * measurements. Everything goes through the API and its services as the branch's people (clerk,
 * manager, keepers), so stock, costs, document events and the change log are what the app makes.
 */

export interface DemoOptions {
  readonly scale: DemoScaleName;
  /** The last business day (yyyy-MM-dd): today, unless a test pins it. */
  readonly endDate: string;
  /** Of every user the demo creates (and of the administrator, when it sets up the branch). */
  readonly password: string;
  readonly onProgress?: (progress: DemoProgress) => void;
}

export interface DemoProgress {
  readonly month: string;
  readonly documents: number;
  readonly movements: number;
  readonly seconds: number;
}

export interface DemoSummary {
  readonly scale: DemoScaleName;
  readonly branch: { readonly code: string; readonly name: string };
  readonly from: string;
  readonly to: string;
  readonly goods: number;
  readonly warehouses: number;
  readonly customers: number;
  readonly suppliers: number;
  readonly documents: number;
  readonly documentsByType: Record<string, number>;
  readonly movements: number;
  /** 月结: every month before the last one, as far as it is over by today's date. */
  readonly monthsClosed: readonly string[];
  readonly seconds: number;
  readonly users: readonly {
    readonly username: string;
    readonly displayName: string;
    readonly role: string;
  }[];
}

function count(engine: DemoEngine, table: string): number {
  return (engine.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** The demo writes only into a new database: never among real books. */
function refuseUnlessEmpty(engine: DemoEngine): void {
  const documents = count(engine, 'documents');
  if (documents > 0) {
    throw new LedgerError(
      'CONFLICT',
      `该数据库已有 ${documents} 张单据，不能生成演示数据：演示数据只能生成到没有单据的新数据库中，以免混入真实账目。请用 --db 指定一个新的数据库文件。`,
      { documents },
    );
  }
  const masterData = count(engine, 'goods') + count(engine, 'warehouses') + count(engine, 'counterparties');
  if (masterData > 0) {
    throw new LedgerError(
      'CONFLICT',
      '该数据库已有商品、仓库或往来单位资料，不能生成演示数据。请用 --db 指定一个新的数据库文件。',
    );
  }
}

async function ensureBranch(engine: DemoEngine, password: string): Promise<void> {
  const status = await callAs(engine, cliActor, 'setup.status', {});
  if (status.isSetUp) return;
  await callAs(engine, cliActor, 'setup.createBranch', {
    profile: demoBranchProfile,
    administrator: { username: 'admin', displayName: '系统管理员', password, passwordConfirm: password },
  });
  // The demo's managers go on past a customer's credit limit once warned: its sales never stop.
  await callAs(engine, cliActor, 'settings.update', { creditLimitPolicy: 'warn' });
}

export async function generateDemo(engine: DemoEngine, options: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  const scale = demoScales[options.scale];
  refuseUnlessEmpty(engine);
  await ensureBranch(engine, options.password);

  const random = new SeededRandom(scale.seed);
  const model = demoModel(scale, random.fork(1));
  const branch = await inOneTransaction(engine, () => enterMasterData(engine, model, options.password));
  const planner = new DemoPlanner(model, scale, options.endDate, random.fork(2));
  const poster = new DemoPoster(engine, model, branch);
  const money = new DemoMoney(engine, branch, random.fork(3));
  const lastMovement = engine.db.$client.prepare('SELECT coalesce(max(id), 0) AS id FROM stock_movements');
  let documents = 0;
  const report = (month: string) =>
    options.onProgress?.({
      month,
      documents,
      movements: (lastMovement.get() as { id: number }).id,
      seconds: seconds(),
    });
  // One transaction per business day: each document's steps stay their own use cases (savepoints),
  // and the file is written once a day instead of once a step. A run that fails leaves whole days.
  // Money first: what fell due by the morning is paid before the day's goods move.
  const postDay = (day: readonly PlannedDocument[]) =>
    inOneTransaction(engine, async () => {
      documents += await money.settleDay(day[0]!.date);
      for (const planned of day) await poster.post(planned);
    });
  const monthsClosed: string[] = [];
  /** 月结 (§6.7) by the accountant once a month is over: today's clock decides, as the engine's does. */
  const closeMonth = async (month: string) => {
    if (monthEnd(month) >= engine.clock.today()) return;
    await callAs(engine, branch.accountant, 'periods.close', { month });
    monthsClosed.push(month);
  };
  let day: PlannedDocument[] = [];
  for (const planned of planner.documents()) {
    if (day.length > 0 && planned.date !== day[0]!.date) {
      await postDay(day);
      documents += day.length;
      const month = day[0]!.date.slice(0, 7);
      if (planned.date.slice(0, 7) !== month) {
        await closeMonth(month);
        report(month);
      }
      day = [];
    }
    day.push(planned);
  }
  await postDay(day);
  documents += day.length;

  const sqlite = engine.db.$client;
  const byType = sqlite
    .prepare('SELECT type, count(*) AS n FROM documents GROUP BY type ORDER BY type')
    .all() as {
    type: string;
    n: number;
  }[];
  const profile = sqlite.prepare('SELECT code, name FROM branch_profile').get() as {
    code: string;
    name: string;
  };
  const users = sqlite
    .prepare('SELECT username, display_name AS displayName, role FROM users ORDER BY id')
    .all() as DemoSummary['users'];
  return {
    scale: scale.name,
    branch: profile,
    from: planner.firstDay,
    to: options.endDate,
    goods: model.goods.length,
    warehouses: model.warehouses.length,
    customers: model.customers.length,
    suppliers: model.suppliers.length,
    documents: byType.reduce((sum, row) => sum + row.n, 0),
    documentsByType: Object.fromEntries(byType.map((row) => [row.type, row.n])),
    movements: count(engine, 'stock_movements'),
    monthsClosed,
    seconds: seconds(),
    users,
  };
}
