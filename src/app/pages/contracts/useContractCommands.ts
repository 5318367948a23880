import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractKind } from '../../../shared/contracts/contract-status';
import { useClient } from '../../api/ClientContext';
import type { LedgerClient } from '../../api/client';
import { usePrintFile } from '../../printing/usePrintFile';
import type { ContractStep } from './contractActions';
import {
  readContractBody,
  toSaveInput,
  type ContractHeaderValues,
  type ContractView,
  type FigureLabels,
  type RebateTermDraft,
  type SignedLineDraft,
} from './contractDraft';

/** One refusal on screen at a time: the latest, in the engine's words. */
const refusalKey = 'contract-refusal';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The engine's step for each toolbar button; 结束 and 作废 carry the reason the person gave. */
const stepCalls: Record<
  ContractStep,
  (client: LedgerClient, id: number, reason: string) => Promise<unknown>
> = {
  submit: (client, id) => client.call('contracts.submit', { id }),
  withdraw: (client, id) => client.call('contracts.withdraw', { id }),
  approve: (client, id) => client.call('contracts.approve', { id }),
  unapprove: (client, id) => client.call('contracts.unapprove', { id }),
  start: (client, id) => client.call('contracts.start', { id }),
  end: (client, id, reason) => client.call('contracts.end', { id, reason }),
  void: (client, id, reason) => client.call('contracts.void', { id, reason }),
};

/** The labels a refused figure is named by, in the person's language. */
export function useFigureLabels(): FigureLabels {
  const { t } = useTranslation();
  return {
    line: (lineNo, field) =>
      t('contracts.lines.figure', {
        lineNo,
        field: t(field === 'quantity' ? 'contracts.lines.quantity' : 'contracts.lines.agreedPrice'),
      }),
    term: (termNo, field, tierNo) =>
      t('contracts.rebate.figure', {
        termNo,
        tier: tierNo > 0 ? t('contracts.rebate.tierOf', { tierNo }) : '',
        field: t(`contracts.rebate.fields.${field}`),
      }),
  };
}

/**
 * What the contract page asks of the engine: save the draft, take a step, delete it. A refusal is shown
 * as the document pages show theirs (a message in the engine's words); what a write makes stale, the
 * client reads again (invalidation.ts), so the page shows the contract as it is afterwards.
 */
export function useContractCommands({
  kind,
  view,
  form,
  lines,
  terms,
  quantityDecimals,
  dirty,
  onSaved,
  onDeleted,
}: {
  kind: ContractKind;
  view: ContractView | null;
  form: FormInstance<ContractHeaderValues>;
  lines: readonly SignedLineDraft[];
  terms: readonly RebateTermDraft[];
  quantityDecimals: number;
  dirty: boolean;
  onSaved: (id: number) => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useClient();
  const labels = useFigureLabels();
  const printFile = usePrintFile();
  const [busy, setBusy] = useState<string | null>(null);

  const refuse = (error: unknown) =>
    void message.error({ key: refusalKey, content: errorText(error), duration: 6 });
  const succeeded = (text: string) => {
    message.destroy(refusalKey);
    void message.success(text);
  };

  const working = async <T>(activity: string, work: () => Promise<T>): Promise<T | null> => {
    setBusy(activity);
    try {
      return await work();
    } catch (error) {
      refuse(error);
      return null;
    } finally {
      setBusy(null);
    }
  };

  /** Saves the draft; its id, or null when a figure or the engine refused it. */
  const save = async (): Promise<number | null> => {
    const header = form.getFieldsValue(true) as ContractHeaderValues;
    const body = readContractBody(lines, terms, quantityDecimals, labels);
    if (!body.ok) {
      refuse(new Error(body.message));
      return null;
    }
    return working('save', async () => {
      const saved = await client.call('contracts.save', toSaveInput(kind, view, header, body));
      succeeded(t('contracts.done.save', { number: saved.number }));
      onSaved(saved.id);
      return saved.id;
    });
  };

  /** A draft with changes is saved before it is submitted, as a document is. */
  const step = async (action: ContractStep, reason = '') => {
    const id = action === 'submit' && (dirty || !view) ? await save() : (view?.id ?? null);
    if (id === null) return;
    await working(action, async () => {
      await stepCalls[action](client, id, reason);
      succeeded(t(`contracts.done.${action}`));
    });
  };

  /** 打印: the contract as it stands on 合同（A4）, to the printer on the desktop or as a file in a browser. */
  const print = async () => {
    if (!view) return;
    await working('print', async () => {
      const file = await client.call('contracts.print', { id: view.id });
      const went = await printFile(file);
      succeeded(t(went === 'printer' ? 'document.sentToPrinter' : 'document.printed', { pages: file.pages }));
    });
  };

  const confirmDelete = () =>
    modal.confirm({
      title: t('contracts.deleteTitle', { number: view?.number ?? '' }),
      content: t('contracts.deleteHelp'),
      okText: t('contracts.actions.delete'),
      okButtonProps: { danger: true },
      onOk: async () => {
        if (!view) return;
        const deleted = await working('delete', () => client.call('contracts.delete', { id: view.id }));
        if (deleted !== null) {
          succeeded(t('contracts.done.delete', { number: view.number }));
          onDeleted();
        }
      },
    });

  return { busy, save, step, print, confirmDelete, refuse, succeeded, working };
}

export type ContractCommands = ReturnType<typeof useContractCommands>;
