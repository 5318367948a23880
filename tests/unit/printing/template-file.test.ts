import { describe, expect, it } from 'vitest';
import { parseTemplateFile } from '../../../src/engine/services/printing/print-template';

/** The refusal a template file's text gets, or null when it parses. */
function refusal(text: string): string | null {
  try {
    parseTemplateFile(text, 'a.json');
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('a template file that is not JSON is refused with its line, its column and what is wrong there', () => {
  it.each([
    ['{\n  "paper": "a4-portrait"\n  "name": "x"\n}', '第 3 行第 3 列：此处缺少英文逗号或 }'],
    ['{\n  "fields": ["number" "remark"]\n}', '第 2 行第 23 列：此处缺少英文逗号或 ]'],
    ['{\n  "name": "x",\n}', '第 3 行第 1 列：属性名应使用英文双引号（也可能是多了一个逗号）'],
    ['{\n  “name”: "x"\n}', '第 2 行第 3 列：属性名应使用英文双引号（也可能是多了一个逗号）'],
    ['{\n  "name": "x"', '此处缺少英文逗号或 }'],
  ])('%j', (text, said) => {
    expect(refusal(text)).toContain(`打印模板【a.json】不是有效的 JSON，`);
    expect(refusal(text)).toContain(said);
  });

  it('an empty file: at its end', () => {
    expect(refusal('')).toBe(
      '打印模板【a.json】不是有效的 JSON，第 1 行（文件末尾）：文件提前结束，缺少 } 或 ]。',
    );
  });

  it('a file that parses is given back as it is', () => {
    expect(parseTemplateFile('{"name": "x"}', 'a.json')).toEqual({ name: 'x' });
  });
});
