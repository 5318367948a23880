import { describe, expect, it } from 'vitest';
import contractTemplateFile from '../../../resources/print-templates/contract.json';
import documentTemplateFile from '../../../resources/print-templates/document.json';
import { contractFields } from '../../../src/engine/services/printing/contract-printable';
import { documentFields } from '../../../src/engine/services/printing/document-printable';
import { checkTemplate } from '../../../src/engine/services/printing/print-template';

describe('a template prints only what it was made for', () => {
  it('refuses a contract template for a document, and a document template for a contract', () => {
    expect(() => checkTemplate(contractTemplateFile, documentFields)).toThrow(
      '打印模板【合同（A4）】是合同的模板，不能用来打印单据。',
    );
    expect(() => checkTemplate(documentTemplateFile, contractFields)).toThrow(
      '打印模板【单据（三联 241×140）】是单据的模板，不能用来打印合同。',
    );
  });

  it('takes each shipped template for its own printable', () => {
    expect(checkTemplate(contractTemplateFile, contractFields).printable).toBe('contract');
    expect(checkTemplate(documentTemplateFile, documentFields).printable).toBe('document');
  });
});
