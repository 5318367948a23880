import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Flex, Segmented, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api';
import { useClient } from '../../api/ClientContext';
import { useApiQuery } from '../../api/useApi';
import { LoadFailure } from '../../components/LoadFailure';
import { readRebateTerms, termDrafts, type RebateTermDraft } from './contractDraft';
import { contractTiers, type ChannelTier } from './contractTiers';
import { RebateTermsEditor } from './RebateTermsEditor';
import { useFigureLabels } from './useContractCommands';

type Requirement = ApiOutput<'contracts.requirements'>[ChannelTier][number];

/**
 * 合同设置, per tier: what its contract must contain before it can be submitted, and the standard rebate
 * terms a contract imported from its signing table starts with.
 */
export function ContractSettingsPanel({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const [tier, setTier] = useState<ChannelTier>('dealer');
  const requirements = useApiQuery('contracts.requirements', {});
  const policy = useApiQuery('contracts.rebatePolicy', {});
  const quantityDecimals = useApiQuery('branch.profile', {}).data?.quantityDecimals ?? 2;

  const failure = requirements.error ?? policy.error;
  if (failure)
    return (
      <LoadFailure
        error={failure}
        onRetry={() => {
          void requirements.refetch();
          void policy.refetch();
        }}
      />
    );
  if (!requirements.data || !policy.data) return <Spin />;

  return (
    <Flex vertical gap={12} data-testid="contract-settings">
      <Segmented<ChannelTier>
        value={tier}
        onChange={setTier}
        options={contractTiers.map((option) => ({ value: option, label: t(`counterparty.tiers.${option}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {/* Keyed by tier and by what the engine holds, so each starts from the saved setting. */}
      <RequirementsCard
        key={`requirements:${tier}:${requirements.data[tier].join()}`}
        tier={tier}
        saved={requirements.data[tier]}
        editable={editable}
      />
      <PolicyCard
        key={`policy:${tier}:${JSON.stringify(policy.data[tier] ?? [])}`}
        tier={tier}
        saved={termDrafts(policy.data[tier] ?? [], quantityDecimals)}
        quantityDecimals={quantityDecimals}
        editable={editable}
      />
    </Flex>
  );
}

const requirementKeys: readonly Requirement[] = [
  'signedVolume',
  'monthlyVolume',
  'agreedPrice',
  'rebateTerms',
  'terms',
  'office',
  'salesperson',
  'signedOn',
  'attachment',
];

function RequirementsCard({
  tier,
  saved,
  editable,
}: {
  tier: ChannelTier;
  saved: readonly Requirement[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [chosen, setChosen] = useState<Requirement[]>([...saved]);

  const save = async () => {
    try {
      await client.call('contracts.setRequirements', { requirements: { [tier]: chosen } });
      void message.success(t('contracts.signing.saved'));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Card
      size="small"
      title={t('contracts.signing.requirements')}
      extra={
        editable && (
          <Button size="small" icon={<SaveOutlined />} onClick={() => void save()}>
            {t('contracts.actions.save')}
          </Button>
        )
      }
    >
      <Checkbox.Group<Requirement>
        value={chosen}
        disabled={!editable}
        onChange={setChosen}
        options={requirementKeys.map((key) => ({ value: key, label: t(`contracts.requirementKeys.${key}`) }))}
      />
    </Card>
  );
}

function PolicyCard({
  tier,
  saved,
  quantityDecimals,
  editable,
}: {
  tier: ChannelTier;
  saved: RebateTermDraft[];
  quantityDecimals: number;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const labels = useFigureLabels();
  const [terms, setTerms] = useState(saved);

  const save = async () => {
    const read = readRebateTerms(terms, quantityDecimals, labels);
    if (!read.ok) {
      void message.error(read.message);
      return;
    }
    try {
      await client.call('contracts.setRebatePolicy', { policy: { [tier]: read.rebateTerms } });
      void message.success(t('contracts.signing.saved'));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Card
      size="small"
      title={t('contracts.signing.policy')}
      extra={
        editable && (
          <Button size="small" icon={<SaveOutlined />} onClick={() => void save()}>
            {t('contracts.actions.save')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('contracts.signing.policyHelp')}
      </Typography.Paragraph>
      <RebateTermsEditor terms={terms} editable={editable} onChange={setTerms} />
    </Card>
  );
}
