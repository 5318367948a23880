import dayjs, { type Dayjs } from 'dayjs';
import type { ApiInput, ApiOutput } from '../../../shared/api';
import type { ContractKind } from '../../../shared/contracts/contract-status';
import type { RebateTerm, RebateTermInput, RebateTermKind } from '../../../shared/contracts/rebate-terms';
import { decimalInputMessage, readDecimalInput } from '../../../shared/numbers/decimal-input';
import { fenScale, priceScale } from '../../../shared/numbers/scales';
import { editableText } from './contractFigures';

/**
 * A contract as its page holds it while it is edited: the header in the form, the signed volumes and the
 * rebate terms as the clerk typed them (text), read into the engine's integers only when saved, with the
 * same decimal reading the engine applies (decimal-input.ts).
 */

export type ContractView = ApiOutput<'contracts.get'>;
export type ContractSaveInput = ApiInput<'contracts.save'>;
type LineInput = ContractSaveInput['lines'][number];

export interface ContractHeaderValues {
  counterpartyId: number | null;
  /** What the picker shows for the chosen counterparty (SearchSelect keeps it here). */
  counterpartyLabel: string | null;
  officeId: number | null;
  salespersonId: number | null;
  period: [Dayjs, Dayjs] | null;
  signedOn: Dayjs | null;
  terms: string;
  remark: string;
}

export interface SignedLineDraft {
  key: string;
  target: 'goods' | 'category';
  goodsId: number | null;
  categoryId: number | null;
  /** The goods as "SP001 鲜牛奶", or the category's path. */
  label: string;
  unitName: string;
  /** yyyy-MM, or null for the whole period. */
  month: string | null;
  quantity: string;
  /** 协议价 with tax, per `unitName`; empty when the contract agrees none. */
  agreedPrice: string;
}

export interface TierDraft {
  key: string;
  /** From this volume (in the term's unit), or for 增量返利 from this growth in percent. */
  threshold: string;
  /** Percent. */
  rate: string;
}

export interface RebateTermDraft {
  key: string;
  kind: RebateTermKind;
  name: string;
  unitName: string;
  /** Kept as the contract has it: the page edits terms over the whole contract. */
  scope: { goodsId: number | null; categoryId: number | null };
  tiers: TierDraft[];
  /** 按量定额: yuan per unit. */
  amountPerUnit: string;
  /** 回款截止日, yyyy-MM-dd. */
  paidBy: string | null;
  /** 限价: lines sold below the agreed price earn nothing. */
  keepAgreedPrice: boolean;
}

let lastKey = 0;
export const newKey = (): string => `k${++lastKey}`;

export function blankHeader(today: Dayjs = dayjs()): ContractHeaderValues {
  return {
    counterpartyId: null,
    counterpartyLabel: null,
    officeId: null,
    salespersonId: null,
    // An annual agreement: the calendar year, which the clerk changes when the paper says otherwise.
    period: [today.startOf('year'), today.endOf('year').startOf('day')],
    signedOn: null,
    terms: '',
    remark: '',
  };
}

export function blankLine(): SignedLineDraft {
  return {
    key: newKey(),
    target: 'goods',
    goodsId: null,
    categoryId: null,
    label: '',
    unitName: '',
    month: null,
    quantity: '',
    agreedPrice: '',
  };
}

export function blankTier(): TierDraft {
  return { key: newKey(), threshold: '', rate: '' };
}

export function blankTerm(unitName = '箱'): RebateTermDraft {
  return {
    key: newKey(),
    kind: 'volume_tiers',
    name: '',
    unitName,
    scope: { goodsId: null, categoryId: null },
    tiers: [blankTier()],
    amountPerUnit: '',
    paidBy: null,
    keepAgreedPrice: false,
  };
}

/** The months of the period as yyyy-MM, for a line signed by month. */
export function monthsOfPeriod(period: [Dayjs, Dayjs] | null): string[] {
  if (!period) return [];
  const months: string[] = [];
  for (
    let month = period[0].startOf('month');
    !month.isAfter(period[1], 'month');
    month = month.add(1, 'month')
  )
    months.push(month.format('YYYY-MM'));
  return months;
}

export function headerFromView(view: ContractView): ContractHeaderValues {
  return {
    counterpartyId: view.counterpartyId,
    counterpartyLabel: `${view.counterpartyCode} ${view.counterpartyName}`,
    officeId: view.officeId,
    salespersonId: view.salespersonId,
    period: [dayjs(view.periodStart), dayjs(view.periodEnd)],
    signedOn: view.signedOn ? dayjs(view.signedOn) : null,
    terms: view.terms,
    remark: view.remark,
  };
}

export function linesFromView(view: ContractView, quantityDecimals: number): SignedLineDraft[] {
  return view.lines.map((line) => ({
    key: newKey(),
    target: line.goodsId !== null ? 'goods' : 'category',
    goodsId: line.goodsId,
    categoryId: line.categoryId,
    label: line.label,
    unitName: line.unitName,
    month: line.month,
    quantity: editableText.quantity(line.quantity, quantityDecimals),
    agreedPrice: line.agreedPrice === null ? '' : editableText.price(line.agreedPrice),
  }));
}

export function termsFromView(view: ContractView, quantityDecimals: number): RebateTermDraft[] {
  return termDrafts(view.rebateTerms, quantityDecimals);
}

/** Rebate terms as their editor holds them: a contract's, or a tier's standard policy. */
export function termDrafts(terms: readonly RebateTerm[], quantityDecimals: number): RebateTermDraft[] {
  return terms.map((term) => {
    const common = {
      key: newKey(),
      kind: term.kind,
      name: term.name,
      unitName: term.unitName,
      scope: { goodsId: term.scope.goodsId, categoryId: term.scope.categoryId },
      paidBy: term.conditions.paidBy,
      keepAgreedPrice: term.conditions.keepAgreedPrice,
      amountPerUnit: '',
      tiers: [] as TierDraft[],
    };
    switch (term.kind) {
      case 'volume_tiers':
      case 'progressive':
        return {
          ...common,
          tiers: term.tiers.map((tier) => ({
            key: newKey(),
            threshold: editableText.quantity(tier.from, quantityDecimals),
            rate: editableText.basisPoints(tier.rateBp),
          })),
        };
      case 'growth':
        return {
          ...common,
          tiers: term.tiers.map((tier) => ({
            key: newKey(),
            threshold: editableText.basisPoints(tier.growthBp),
            rate: editableText.basisPoints(tier.rateBp),
          })),
        };
      case 'per_unit':
        return { ...common, amountPerUnit: editableText.fen(term.amountPerUnit) };
    }
  });
}

/** The labels a refusal names its figure by ("签约量第 2 行的签约量"), in the person's language. */
export interface FigureLabels {
  line: (lineNo: number, field: 'quantity' | 'agreedPrice') => string;
  term: (termNo: number, field: 'threshold' | 'growth' | 'rate' | 'amountPerUnit', tierNo: number) => string;
}

export type BodyReading =
  { ok: true; lines: LineInput[]; rebateTerms: RebateTermInput[] } | { ok: false; message: string };

class FigureRefused extends Error {}

function figure(typed: string, scale: number, label: string): number {
  const reading = readDecimalInput(typed.trim(), scale);
  if (!reading.ok) throw new FigureRefused(decimalInputMessage(label, typed.trim(), reading.problem));
  return reading.value;
}

const isBlankLine = (line: SignedLineDraft) =>
  line.goodsId === null && line.categoryId === null && !line.quantity.trim() && !line.agreedPrice.trim();

/**
 * The signed volumes and rebate terms as `contracts.save` and `contracts.amend` take them; blank lines are
 * left out. A figure that does not read is refused here, named, before anything is sent.
 */
export function readContractBody(
  lines: readonly SignedLineDraft[],
  terms: readonly RebateTermDraft[],
  quantityDecimals: number,
  labels: FigureLabels,
): BodyReading {
  try {
    const sentLines = lines
      .filter((line) => !isBlankLine(line))
      .map((line, index): LineInput => ({
        goodsId: line.target === 'goods' ? line.goodsId : null,
        categoryId: line.target === 'category' ? line.categoryId : null,
        unitName: line.unitName.trim(),
        month: line.month,
        quantity: figure(line.quantity, quantityDecimals, labels.line(index + 1, 'quantity')),
        agreedPrice: line.agreedPrice.trim()
          ? figure(line.agreedPrice, priceScale, labels.line(index + 1, 'agreedPrice'))
          : null,
      }));
    const rebateTerms = termInputs(terms, quantityDecimals, labels);
    return { ok: true, lines: sentLines, rebateTerms };
  } catch (error) {
    if (error instanceof FigureRefused) return { ok: false, message: error.message };
    throw error;
  }
}

/** The rebate terms as the engine takes them; a figure that does not read throws FigureRefused. */
function termInputs(
  terms: readonly RebateTermDraft[],
  quantityDecimals: number,
  labels: FigureLabels,
): RebateTermInput[] {
  return terms.map((term, index): RebateTermInput => {
    const common = {
      name: term.name.trim(),
      scope: term.scope,
      unitName: term.unitName.trim(),
      conditions: { paidBy: term.paidBy, keepAgreedPrice: term.keepAgreedPrice },
    };
    const rate = (tier: TierDraft, tierNo: number) =>
      figure(tier.rate, 2, labels.term(index + 1, 'rate', tierNo));
    switch (term.kind) {
      case 'volume_tiers':
      case 'progressive':
        return {
          ...common,
          kind: term.kind,
          tiers: term.tiers.map((tier, tierIndex) => ({
            from: figure(
              tier.threshold,
              quantityDecimals,
              labels.term(index + 1, 'threshold', tierIndex + 1),
            ),
            rateBp: rate(tier, tierIndex + 1),
          })),
        };
      case 'growth':
        return {
          ...common,
          kind: 'growth',
          tiers: term.tiers.map((tier, tierIndex) => ({
            growthBp: figure(tier.threshold, 2, labels.term(index + 1, 'growth', tierIndex + 1)),
            rateBp: rate(tier, tierIndex + 1),
          })),
        };
      case 'per_unit':
        return {
          ...common,
          kind: 'per_unit',
          amountPerUnit: figure(term.amountPerUnit, fenScale, labels.term(index + 1, 'amountPerUnit', 0)),
        };
    }
  });
}

/** Rebate terms alone (a tier's standard policy), read as a contract's are. */
export function readRebateTerms(
  terms: readonly RebateTermDraft[],
  quantityDecimals: number,
  labels: FigureLabels,
): { ok: true; rebateTerms: RebateTermInput[] } | { ok: false; message: string } {
  try {
    return { ok: true, rebateTerms: termInputs(terms, quantityDecimals, labels) };
  } catch (error) {
    if (error instanceof FigureRefused) return { ok: false, message: error.message };
    throw error;
  }
}

/** What `contracts.save` is sent for the header, the body read as above. */
export function toSaveInput(
  kind: ContractKind,
  view: ContractView | null,
  header: ContractHeaderValues,
  body: Extract<BodyReading, { ok: true }>,
): ContractSaveInput {
  return {
    id: view?.id ?? null,
    ...(view ? { version: view.version } : {}),
    kind,
    counterpartyId: header.counterpartyId ?? 0,
    officeId: header.officeId,
    salespersonId: header.salespersonId,
    periodStart: header.period?.[0].format('YYYY-MM-DD') ?? '',
    periodEnd: header.period?.[1].format('YYYY-MM-DD') ?? '',
    signedOn: header.signedOn?.format('YYYY-MM-DD') ?? null,
    terms: header.terms,
    remark: header.remark,
    lines: body.lines,
    rebateTerms: body.rebateTerms,
  };
}
