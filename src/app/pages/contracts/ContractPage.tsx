import { Flex, Form, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractKind } from '../../../shared/contracts/contract-status';
import { useApiQuery } from '../../api/useApi';
import { LoadFailure } from '../../components/LoadFailure';
import { ReasonDialog } from '../../components/document/ReasonDialog';
import { amendable, type ContractStep } from './contractActions';
import { ContractAmendments } from './ContractAmendments';
import { ContractAttachments } from './ContractAttachments';
import {
  blankHeader,
  blankLine,
  headerFromView,
  linesFromView,
  monthsOfPeriod,
  termsFromView,
  type ContractHeaderValues,
  type ContractView,
  type RebateTermDraft,
  type SignedLineDraft,
} from './contractDraft';
import { ContractEvents } from './ContractEvents';
import { ContractExecution } from './ContractExecution';
import { ContractHeaderForm } from './ContractHeaderForm';
import { contractStatusColors } from './contractStatusColors';
import { ContractToolbar } from './ContractToolbar';
import { RebateTermsEditor } from './RebateTermsEditor';
import { SignedLinesTable } from './SignedLinesTable';
import { useContractCommands } from './useContractCommands';
import { useContractRequests } from './useContractRequests';
import { usePermission } from '../../session/usePermission';

/** What the page shows: a saved contract by id, or a new one of a kind (started afresh each time). */
type Opened = { id: number } | { new: ContractKind; started: number };

/**
 * 合同: one contract, opened from a list or started anew. Its content (header, signed volumes, rebate
 * terms) is edited while it is a draft; then it goes through its steps, is changed by 补充协议, carries its
 * scanned paper, and shows its execution and settlements.
 */
export function ContractPage() {
  const [opened, setOpened] = useState<Opened>({ new: 'sales', started: 0 });
  useContractRequests((request) =>
    setOpened('id' in request ? { id: request.id } : { new: request.new, started: Date.now() }),
  );
  const id = 'id' in opened ? opened.id : null;
  const contract = useApiQuery('contracts.get', { id: id ?? 0 }, { enabled: id !== null });
  const quantityDecimals = useApiQuery('branch.profile', {}).data?.quantityDecimals ?? 2;
  // The tab open on each contract, kept here: a step or settlement shows the contract afresh (a new
  // editor), and the clerk stays on 执行情况 where the settlement was made.
  const [tabs, setTabs] = useState<Readonly<Record<number, string>>>({});

  if (id !== null && contract.error && !contract.data)
    return <LoadFailure error={contract.error} onRetry={() => void contract.refetch()} />;
  if (id !== null && !contract.data) return <Spin />;
  const view = id !== null && contract.data?.id === id ? contract.data : null;
  const kind = view ? view.kind : 'new' in opened ? opened.new : 'sales';
  // A new version of the contract (saved, stepped, amended) is shown afresh: the editor starts from it.
  const editorKey = view
    ? `${view.id}:${view.version}:${view.status}`
    : `new:${kind}:${'started' in opened ? opened.started : 0}`;

  return (
    <ContractEditor
      key={editorKey}
      kind={kind}
      view={view}
      quantityDecimals={quantityDecimals}
      tab={(view && tabs[view.id]) ?? 'content'}
      onTab={(key) => view && setTabs((open) => ({ ...open, [view.id]: key }))}
      onOpen={(openedId) =>
        setOpened(openedId === null ? { new: kind, started: Date.now() } : { id: openedId })
      }
    />
  );
}

function ContractEditor({
  kind,
  view,
  quantityDecimals,
  tab,
  onTab,
  onOpen,
}: {
  kind: ContractView['kind'];
  view: ContractView | null;
  quantityDecimals: number;
  tab: string;
  onTab: (key: string) => void;
  /** Opens a saved contract, or (null) starts a new one of the same kind. */
  onOpen: (id: number | null) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ContractHeaderValues>();
  const [lines, setLines] = useState<SignedLineDraft[]>(() =>
    view ? linesFromView(view, quantityDecimals) : [blankLine()],
  );
  const [terms, setTerms] = useState<RebateTermDraft[]>(() =>
    view ? termsFromView(view, quantityDecimals) : [],
  );
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState<'end' | 'void' | null>(null);
  const mayEdit = usePermission('contracts.edit');
  const editable = mayEdit && (view === null || view.status === 'draft');
  const period = Form.useWatch('period', form) ?? null;

  useEffect(() => {
    form.setFieldsValue(view ? headerFromView(view) : blankHeader());
  }, [form, view]);

  const commands = useContractCommands({
    kind,
    view,
    form,
    lines,
    terms,
    quantityDecimals,
    dirty,
    onSaved: (savedId) => {
      setDirty(false);
      if (savedId !== view?.id) onOpen(savedId);
    },
    onDeleted: () => onOpen(null),
  });

  const step = (action: ContractStep) => {
    if (action === 'end' || action === 'void') setAsking(action);
    else void commands.step(action);
  };

  const changeLines = (next: SignedLineDraft[]) => {
    setLines(next);
    setDirty(true);
  };
  const changeTerms = (next: RebateTermDraft[]) => {
    setTerms(next);
    setDirty(true);
  };

  const content = (
    <Form
      form={form}
      layout="vertical"
      size="small"
      initialValues={view ? headerFromView(view) : blankHeader()}
      onValuesChange={() => setDirty(true)}
      data-testid="contract-header"
    >
      <ContractHeaderForm kind={kind} number={view?.number ?? null} editable={editable} />
      <SignedLinesTable
        lines={lines}
        months={monthsOfPeriod(period)}
        editable={editable}
        onChange={changeLines}
      />
      <RebateTermsEditor terms={terms} editable={editable} onChange={changeTerms} />
    </Form>
  );

  return (
    <div data-testid="contract-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Flex gap={8} align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t(`contracts.kinds.${kind}`)}
          </Typography.Title>
          {view ? (
            <>
              <Typography.Text strong>{view.number}</Typography.Text>
              <Tag color={contractStatusColors[view.status]} data-testid="contract-status">
                {t(`contracts.statuses.${view.status}`)}
              </Tag>
              {view.amendmentNo > 0 && <Tag>{t('contracts.amendedTimes', { count: view.amendmentNo })}</Tag>}
            </>
          ) : (
            <Tag>{t('contracts.untitled')}</Tag>
          )}
          {dirty && editable && <Tag color="orange">{t('contracts.unsaved')}</Tag>}
        </Flex>
        <ContractToolbar
          status={view?.status ?? null}
          saved={view !== null}
          busy={commands.busy}
          onNew={() => onOpen(null)}
          onSave={() => void commands.save()}
          onStep={step}
          onPrint={() => void commands.print()}
          onDelete={commands.confirmDelete}
        />
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={onTab}
        size="small"
        items={[
          { key: 'content', label: t('contracts.tabs.content'), children: content },
          ...(view
            ? [
                {
                  key: 'execution',
                  label: t('contracts.tabs.execution'),
                  children: <ContractExecution view={view} quantityDecimals={quantityDecimals} />,
                },
                {
                  key: 'amendments',
                  label: t('contracts.tabs.amendments'),
                  children: (
                    <ContractAmendments
                      view={view}
                      canPropose={mayEdit && amendable(view.status)}
                      quantityDecimals={quantityDecimals}
                    />
                  ),
                },
                {
                  key: 'attachments',
                  label: t('contracts.tabs.attachments'),
                  children: <ContractAttachments view={view} />,
                },
                {
                  key: 'events',
                  label: t('contracts.tabs.events'),
                  children: <ContractEvents view={view} />,
                },
              ]
            : []),
        ]}
      />
      <ReasonDialog
        open={asking !== null}
        title={t(asking === 'end' ? 'contracts.endTitle' : 'contracts.voidTitle')}
        help={t(asking === 'end' ? 'contracts.endHelp' : 'contracts.voidHelp')}
        askDate={false}
        okText={t(asking === 'end' ? 'contracts.actions.end' : 'contracts.actions.void')}
        onOk={async ({ reason }) => {
          if (asking) await commands.step(asking, reason);
          setAsking(null);
        }}
        onCancel={() => setAsking(null)}
      />
    </div>
  );
}
