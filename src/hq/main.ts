import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { systemClock } from './clock';
import { consoleStaticRoot, ensureConsoleBuilt } from './console-build';
import { newConsoleToken } from './console-api/console-token';
import { importPackageFile } from './import-package';
import { HqRefusal } from './refusal';
import { startHq } from './server';
import type { HqStore } from './store/hq-store';
import { openPgStore } from './store/pg-store';
import { openSqliteStore } from './store/sqlite-store';
import { ensureTlsIdentity } from './tls-identity';
import { verifyBranch } from './verify-totals';

/** Where the command writes: the console, or a test's buffer. */
export interface HqOutput {
  log(line: string): void;
  error(line: string): void;
}

const usage = `用法：npm run hq -- [命令] [选项]
  serve（默认）          启动总部接收服务，并打印总部控制台的地址（含本次启动的访问令牌）
      --data 目录        数据与证书所在目录（默认 ./hq-data）
      --pg URL           使用 PostgreSQL（postgresql://用户@主机:端口/库），不给则用 目录/hq.db
      --port 端口        默认 8443
      --host 地址        默认 0.0.0.0
      --mtls-ca 文件     要求分支出示由此 CA 签发、以分支代码为 CN 的客户端证书
      --mtls-crl 文件    该 CA 的吊销列表；更新后 kill -HUP 即重新读取（证书也一并重读）
      --max-receives 数  同时接收的数据包上限，超出的答 503 请分支稍后重发（默认 8）
  branch add 代码 [--name 名称]   登记分支并生成密钥（只显示一次）
  branch list                    列出分支
  branch disable 代码            停用分支
  branch enable 代码             重新启用分支
  import 文件                    导入分支导出的数据包文件（.gz）
  verify 代码                    按存储的数据重算各期间合计，与数据包清单核对`;

const options = {
  data: { type: 'string', default: './hq-data' },
  pg: { type: 'string' },
  port: { type: 'string', default: '8443' },
  host: { type: 'string', default: '0.0.0.0' },
  'mtls-ca': { type: 'string' },
  'mtls-crl': { type: 'string' },
  'max-package-bytes': { type: 'string' },
  'max-receives': { type: 'string' },
  name: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

async function openStore(values: Values): Promise<HqStore> {
  if (values.pg) return openPgStore(values.pg);
  fs.mkdirSync(values.data, { recursive: true });
  return openSqliteStore(path.join(values.data, 'hq.db'));
}

const branchCodePattern = /^[A-Za-z0-9_-]{1,32}$/;

async function branchCommand(store: HqStore, values: Values, args: string[], out: HqOutput): Promise<number> {
  const [action, code] = args;
  if (action === 'list') {
    const branches = await store.listBranches();
    if (branches.length === 0) out.log('还没有登记任何分支。');
    for (const branch of branches) {
      const state = await store.readState(branch.code);
      out.log(
        `${branch.code}\t${branch.name}\t${branch.disabled ? '已停用' : '启用'}\t第 ${state?.epoch ?? 0} 代第 ${state?.lastSeq ?? 0} 号`,
      );
    }
    return 0;
  }
  if (!code || !branchCodePattern.test(code)) {
    out.error(
      '请给出分支代码（字母、数字、- 或 _，最多 32 个字符），例如：branch add BJ01 --name 北京分公司',
    );
    return 2;
  }
  if (action === 'add') {
    if (await store.findBranch(code)) {
      out.error(`分支 ${code} 已登记；密钥只在登记时显示一次。`);
      return 1;
    }
    const secret = randomBytes(32).toString('base64url');
    await store.addBranch({ code, name: values.name ?? code, secret }, systemClock.now().toISOString());
    out.log(`已登记分支 ${code}（${values.name ?? code}）。`);
    out.log(`密钥（只显示这一次，请妥善转交分支）：${secret}`);
    out.log(
      `在分支账簿的“上传到总部”设置中填写：分支代码 ${code}，总部密钥 ${secret}，以及总部地址（https://总部主机:端口）。`,
    );
    const certFile = path.join(values.data, 'hq-cert.pem');
    if (fs.existsSync(certFile)) {
      const { spkiSha256 } = await ensureTlsIdentity(values.data);
      out.log(`如需固定总部证书，填写公钥指纹（SPKI sha256）：${spkiSha256}`);
    }
    return 0;
  }
  if (action === 'disable' || action === 'enable') {
    if (!(await store.setBranchDisabled(code, action === 'disable'))) {
      out.error(`总部没有登记分支 ${code}。`);
      return 1;
    }
    out.log(action === 'disable' ? `已停用分支 ${code}：它的上传将被拒绝。` : `已重新启用分支 ${code}。`);
    return 0;
  }
  out.error(usage);
  return 2;
}

async function importCommand(store: HqStore, file: string | undefined, out: HqOutput): Promise<number> {
  if (!file) {
    out.error('请给出要导入的数据包文件，例如：import BJ01-1-5.gz');
    return 2;
  }
  if (!fs.existsSync(file)) {
    out.error(`找不到文件 ${file}`);
    return 1;
  }
  const { receipt, replayed } = await importPackageFile(store, file, systemClock);
  out.log(
    replayed
      ? `此数据包（第 ${receipt.epoch} 代第 ${receipt.seq} 号）已于 ${receipt.applied_at} 导入过，未作任何改动。`
      : `已导入第 ${receipt.epoch} 代第 ${receipt.seq} 号数据包（${receipt.package_id}）。`,
  );
  return 0;
}

async function verifyCommand(store: HqStore, code: string | undefined, out: HqOutput): Promise<number> {
  if (!code || !(await store.findBranch(code))) {
    out.error(code ? `总部没有登记分支 ${code}。` : '请给出分支代码，例如：verify BJ01');
    return code ? 1 : 2;
  }
  const verdicts = await verifyBranch(store, code);
  if (verdicts.length === 0) out.log(`分支 ${code} 还没有按期间的数据。`);
  for (const v of verdicts) {
    const piece = v.parts > 1 ? ` 第 ${v.part}/${v.parts} 片` : '';
    out.log(
      `${v.section}\t${v.period}${piece}\t${v.consistent ? '一致' : `不一致\t${v.differences.join('；')}`}`,
    );
  }
  return verdicts.every((v) => v.consistent) ? 0 : 1;
}

/** A whole-number option, or undefined when not given; anything else is said and refused. */
function countOption(values: Values, name: 'port' | 'max-package-bytes' | 'max-receives', least: number) {
  const text = values[name];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < least)
    throw new UsageError(`选项 --${name} 须是不小于 ${least} 的整数，收到的是 ${text}`);
  return value;
}

class UsageError extends Error {}

/** The contents of a file an option names, or undefined when the option is not given. */
function readFileOption(values: Values, name: 'mtls-ca' | 'mtls-crl'): Buffer | undefined {
  const file = values[name];
  if (file === undefined) return undefined;
  if (!fs.existsSync(file)) throw new UsageError(`找不到选项 --${name} 给出的文件 ${file}`);
  return fs.readFileSync(file);
}

async function serveCommand(store: HqStore, values: Values, out: HqOutput): Promise<number> {
  // Read before anything is made, so a mistyped option leaves no certificate behind.
  const port = countOption(values, 'port', 0)!;
  const maxPackageBytes = countOption(values, 'max-package-bytes', 1024);
  const maxConcurrentReceives = countOption(values, 'max-receives', 1);
  if (values['mtls-crl'] && !values['mtls-ca'])
    throw new UsageError('--mtls-crl 须与 --mtls-ca 一起给出：吊销列表属于签发分支证书的 CA');
  // Read again on SIGHUP: a renewed certificate or a branch certificate just revoked applies from the
  // next connection, without dropping the packages being received.
  const readTls = async () => {
    const ca = readFileOption(values, 'mtls-ca');
    const crl = readFileOption(values, 'mtls-crl');
    const identity = await ensureTlsIdentity(values.data);
    return {
      identity,
      tls: {
        key: identity.key,
        cert: identity.cert,
        ca,
        crl,
        requestClientCert: ca !== undefined,
      },
    };
  };
  const { identity, tls } = await readTls();
  if (identity.created) out.log(`已生成自签名证书：${identity.certFile}`);
  out.log(`总部证书公钥指纹（SPKI sha256，供分支固定）：${identity.spkiSha256}`);
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const consoleToken = newConsoleToken();
  const running = await startHq({
    store,
    port,
    host: values.host,
    tls,
    maxPackageBytes,
    maxConcurrentReceives,
    console: { token: consoleToken, staticRoot: consoleStaticRoot },
  });
  out.log(
    `总部接收服务已启动：https://${values.host}:${running.port}（${store.kind === 'pg' ? 'PostgreSQL' : 'SQLite'}）`,
  );
  const reload = () =>
    void readTls().then(
      (next) => {
        running.reloadTls(next.tls);
        out.log('已重新读取证书和吊销列表，新连接起生效。');
      },
      (error: Error) => out.error(`重新读取证书失败，仍用原来的：${error.message}`),
    );
  process.on('SIGHUP', reload);
  // Branches are received from the first moment; the console's page is built (when stale) meanwhile,
  // and its address printed once there is a page to open.
  try {
    await ensureConsoleBuilt(out.error);
    // Listening on every address: the console is opened by this machine's name, which its certificate carries.
    const consoleHost = ['0.0.0.0', '::'].includes(values.host) ? os.hostname() : values.host;
    out.log(`总部控制台：https://${consoleHost}:${running.port}/console/#token=${consoleToken}`);
  } catch (error) {
    out.error(`总部控制台页面构建失败，接收服务照常运行：${(error as Error).message}`);
  }
  await stopped;
  process.off('SIGHUP', reload);
  await running.close();
  out.log('总部接收服务已停止。');
  return 0;
}

/** The `hq` command; returns the exit code. */
export async function runHq(argv: string[], out: HqOutput = console): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    out.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command = 'serve', ...args] = positionals;
  if (values.help || !['serve', 'branch', 'import', 'verify'].includes(command)) {
    out.log(usage);
    return values.help ? 0 : 2;
  }
  const store = await openStore(values);
  try {
    if (command === 'branch') return await branchCommand(store, values, args, out);
    if (command === 'import') return await importCommand(store, args[0], out);
    if (command === 'verify') return await verifyCommand(store, args[0], out);
    return await serveCommand(store, values, out);
  } catch (error) {
    if (error instanceof HqRefusal) {
      out.error(`总部拒收（${error.refusal.error}）：${error.refusal.message}`);
      return 1;
    }
    if (error instanceof UsageError) {
      out.error(error.message);
      return 2;
    }
    throw error;
  } finally {
    await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await runHq(process.argv.slice(2));
}
