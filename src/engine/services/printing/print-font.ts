import fs from 'node:fs';
import { LedgerError } from '../../../shared/ledger-error';

/**
 * The Chinese font printed documents embed (only the glyphs a document uses: a slip is tens of
 * kilobytes, and its text stays text that a PDF reader can search and copy). A font collection (.ttc)
 * names its face by PostScript name.
 */
export interface PrintFont {
  file: string;
  /** The face within a collection; none for a single-font file. */
  postscriptName?: string | undefined;
}

/**
 * Where the systems the ledger runs on keep a Chinese font: Windows' 微软雅黑 and 宋体, macOS's 苹方,
 * Debian's 文泉驿 and Noto CJK. `LEDGER_PRINT_FONT` (a file, or `file#PostScriptName`) comes first.
 */
const candidates: PrintFont[] = [
  { file: 'C:\\Windows\\Fonts\\msyh.ttc', postscriptName: 'MicrosoftYaHei' },
  { file: 'C:\\Windows\\Fonts\\simsun.ttc', postscriptName: 'SimSun' },
  { file: '/System/Library/Fonts/PingFang.ttc', postscriptName: 'PingFangSC-Regular' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', postscriptName: 'WenQuanYiMicroHei' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
];

export function printFont(env: NodeJS.ProcessEnv = process.env): PrintFont {
  const chosen = env.LEDGER_PRINT_FONT;
  if (chosen) {
    const [file, postscriptName] = chosen.split('#') as [string, string | undefined];
    if (!fs.existsSync(file)) {
      throw new LedgerError('VALIDATION', `打印字体文件【${file}】不存在，请检查 LEDGER_PRINT_FONT。`);
    }
    return { file, postscriptName };
  }
  const found = candidates.find((candidate) => fs.existsSync(candidate.file));
  if (!found) {
    throw new LedgerError(
      'VALIDATION',
      '找不到可用于打印的中文字体。请安装中文字体（如文泉驿微米黑），或用 LEDGER_PRINT_FONT 指定字体文件。',
    );
  }
  return found;
}
