import dayjs from 'dayjs';
import { parseArgs } from 'node:util';
import { LedgerError, type Engine } from '../../engine';
import { demoScaleNames, type DemoScaleName } from '../../engine/services/demo/demo-scale';
import { generateDemo } from '../../engine/services/demo/generate-demo';

export const demoUsage = `ledger --db 新文件 demo --scale small|large [--end yyyy-MM-dd] [--password 密码]
  small: 50 个商品、2 个仓库、约 3 个月的单据（几秒钟）
  large: 5000 个商品、5 个仓库、2 年、约 100 万条库存流水（几分钟）
  截止日期所在月以前、今天已结束的月份均已月结。
  只能用于没有单据的新数据库；同一规模、同一截止日期生成的数据相同。
  --end 截止日期，默认今天；--password 演示用户（及新建的管理员 admin）的密码，默认 Demo-2026`;

/** `ledger demo`: a demo branch with its history; progress on stderr, the summary as JSON on stdout. */
export async function demoCommand(engine: Engine, args: string[]): Promise<unknown> {
  const { values } = parseArgs({
    args,
    options: {
      scale: { type: 'string', default: 'small' },
      end: { type: 'string' },
      password: { type: 'string', default: 'Demo-2026' },
    },
  });
  if (!(demoScaleNames as readonly string[]).includes(values.scale)) {
    throw new LedgerError(
      'VALIDATION',
      `--scale 只能是 ${demoScaleNames.join(' 或 ')}。\n用法: ${demoUsage}`,
    );
  }
  const endDate = values.end ?? dayjs().format('YYYY-MM-DD');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate) || !dayjs(endDate).isValid()) {
    throw new LedgerError('VALIDATION', `--end 应为 yyyy-MM-dd 日期，而不是【${endDate}】。`);
  }
  return generateDemo(engine, {
    scale: values.scale as DemoScaleName,
    endDate,
    password: values.password,
    onProgress: ({ month, documents, movements, seconds }) =>
      process.stderr.write(
        `${month}  单据 ${documents.toLocaleString('en')} 张  库存流水 ${movements.toLocaleString('en')} 条  ${seconds} s\n`,
      ),
  });
}
