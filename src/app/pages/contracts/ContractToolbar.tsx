import { DeleteOutlined, FileAddOutlined, PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContractStatus } from '../../../shared/contracts/contract-status';
import { useSession } from '../../session/SessionContext';
import { contractSteps, stepAllowed, stepPermission, type ContractStep } from './contractActions';

/**
 * The contract's buttons: 保存 and 删除 on a draft, then each step the contract's status allows and the
 * person may take. A step not open now is not shown; one open but waiting for another is disabled.
 */
export function ContractToolbar({
  status,
  saved,
  busy,
  onNew,
  onSave,
  onStep,
  onPrint,
  onDelete,
}: {
  /** Null while the contract has not been saved yet: a draft to be. */
  status: ContractStatus | null;
  saved: boolean;
  busy: string | null;
  onNew: () => void;
  onSave: () => void;
  onStep: (step: ContractStep) => void;
  /** 打印 on 合同（A4）: any saved contract, whatever its status. */
  onPrint: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const permissions = useSession().current.permissions;
  const may = (permission: (typeof stepPermission)[ContractStep]) => permissions.includes(permission);
  const draft = status === null || status === 'draft';
  const mayEdit = may('contracts.edit');

  return (
    <Flex gap={8} wrap data-testid="contract-toolbar">
      {mayEdit && (
        <Button icon={<FileAddOutlined />} onClick={onNew}>
          {t('contracts.actions.new')}
        </Button>
      )}
      {mayEdit && draft && (
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={busy === 'save'}
          disabled={busy !== null}
          onClick={onSave}
          data-testid="contract-save"
        >
          {t('contracts.actions.save')}
        </Button>
      )}
      {contractSteps
        .filter((step) => stepAllowed(step, status ?? 'draft') && may(stepPermission[step]))
        .filter((step) => saved || step === 'submit')
        .map((step) => (
          <Button
            key={step}
            danger={step === 'void'}
            loading={busy === step}
            disabled={busy !== null}
            onClick={() => onStep(step)}
            data-testid={`contract-${step}`}
          >
            {t(`contracts.actions.${step}`)}
          </Button>
        ))}
      {saved && (
        <Button
          icon={<PrinterOutlined />}
          loading={busy === 'print'}
          disabled={busy !== null}
          onClick={onPrint}
          data-testid="contract-print"
        >
          {t('contracts.actions.print')}
        </Button>
      )}
      {mayEdit && draft && saved && (
        <Button
          danger
          icon={<DeleteOutlined />}
          disabled={busy !== null}
          onClick={onDelete}
          data-testid="contract-delete"
        >
          {t('contracts.actions.delete')}
        </Button>
      )}
    </Flex>
  );
}
