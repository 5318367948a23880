import { Alert, Button, Flex, Modal, Spin, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ClientContext';
import type { MessageKey } from '../../i18n/messageKey';
import { ImportCommitStep } from './ImportCommitStep';
import { ImportFileStep } from './ImportFileStep';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportPreviewStep } from './ImportPreviewStep';
import type {
  ChosenFile,
  ColumnMapping,
  ImportChoices,
  ImportEntity,
  ImportOutcome,
  ImportPreview,
} from './importTypes';
import { useImportFields } from './useImportFields';

/**
 * The one import wizard, for every entity: template and file, column mapping, preview with each
 * error at its cell, commit. The engine does the reading and checking; the wizard shows and asks.
 */
export function ImportWizard({
  entity,
  title,
  open,
  onClose,
}: {
  entity: ImportEntity;
  /** The list's name: 导入商品. */
  title: MessageKey;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('importWizard.title', { noun: t(title) })}
      width={1120}
      footer={null}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {open && <WizardBody entity={entity} onClose={onClose} />}
    </Modal>
  );
}

type Step = 0 | 1 | 2 | 3;

function WizardBody({ entity, onClose }: { entity: ImportEntity; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [step, setStep] = useState<Step>(0);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [choices, setChoices] = useState<ImportChoices>({ existing: 'update', createMissing: true });
  const [sheet, setSheet] = useState<string | undefined>();
  // Only what the clerk changed is sent; otherwise the engine picks the remembered or automatic mapping.
  const [mapping, setMapping] = useState<ColumnMapping | undefined>();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { fields } = useImportFields(entity, Object.keys(preview?.mapping ?? {}));

  const request = (change: { sheet?: string | undefined; mapping?: ColumnMapping | undefined } = {}) => ({
    entity,
    fileName: file!.name,
    contentBase64: file!.contentBase64,
    sheet: 'sheet' in change ? change.sheet : sheet,
    mapping: 'mapping' in change ? change.mapping : mapping,
    options: { ...choices, validOnly },
  });

  /** Asks the engine what it would do with the file now; true when it answered. */
  const runPreview = async (change: Parameters<typeof request>[0] = {}) => {
    setBusy(true);
    setFailure(null);
    try {
      setPreview(await client.call('import.preview', request(change)));
      return true;
    } catch (error) {
      setFailure((error as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await client.call('import.commit', request());
      // What it created or updated is read again by every list through the client (invalidation.ts).
      setOutcome(result);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const next = async () => {
    if (step === 0) {
      if (await runPreview()) setStep(1);
    } else if (step === 1) setStep(2);
    else if (step === 2) setStep(3);
  };

  const canGoOn =
    !busy &&
    ((step === 0 && file !== null) ||
      (step === 1 && preview !== null && preview.unmappedRequired.length === 0) ||
      step === 2);

  return (
    <div data-testid="import-wizard">
      <Steps
        size="small"
        current={step}
        style={{ margin: '4px 0 16px' }}
        items={[
          { title: t('importWizard.steps.file') },
          { title: t('importWizard.steps.mapping') },
          { title: t('importWizard.steps.preview') },
          { title: t('importWizard.steps.commit') },
        ]}
      />
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure}
          style={{ marginBottom: 12 }}
          data-testid="import-failure"
        />
      )}
      <Spin spinning={busy && step !== 1}>
        {step === 0 && (
          <ImportFileStep
            entity={entity}
            file={file}
            onFile={(chosen) => {
              setFile(chosen);
              setSheet(undefined);
              setMapping(undefined);
              setPreview(null);
            }}
            choices={choices}
            onChoices={setChoices}
          />
        )}
        {step === 1 && preview && (
          <ImportMappingStep
            preview={preview}
            fields={fields}
            busy={busy}
            onMapping={(changed) => {
              setMapping(changed);
              void runPreview({ mapping: changed });
            }}
            onSheet={(chosen) => {
              setSheet(chosen);
              setMapping(undefined);
              void runPreview({ sheet: chosen, mapping: undefined });
            }}
          />
        )}
        {step === 2 && preview && <ImportPreviewStep preview={preview} fields={fields} />}
        {step === 3 && preview && (
          <ImportCommitStep
            preview={preview}
            validOnly={validOnly}
            onValidOnly={setValidOnly}
            outcome={outcome}
          />
        )}
      </Spin>
      <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
        {outcome ? (
          <Button type="primary" onClick={onClose} data-testid="import-close">
            {t('importWizard.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('form.cancel')}</Button>
            {step > 0 && (
              <Button onClick={() => setStep((step - 1) as Step)} disabled={busy}>
                {t('importWizard.back')}
              </Button>
            )}
            {step < 3 ? (
              <Button
                type="primary"
                disabled={!canGoOn}
                loading={busy && step === 0}
                onClick={() => void next()}
                data-testid="import-next"
              >
                {t('importWizard.next')}
              </Button>
            ) : (
              <Button type="primary" loading={busy} onClick={() => void commit()} data-testid="import-commit">
                {t('importWizard.commit')}
              </Button>
            )}
          </>
        )}
      </Flex>
    </div>
  );
}
