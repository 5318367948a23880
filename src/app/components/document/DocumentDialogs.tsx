import { useTranslation } from 'react-i18next';
import type { EditorDialog } from './documentEditor';
import type { DocumentTypeUi, DocumentView } from './documentTypes';
import { OriginDocumentDialog } from './OriginDocumentDialog';
import { ReasonDialog, type ReasonAnswer } from './ReasonDialog';
import { WarningsDialog, type PendingWarnings } from './WarningsDialog';

/** The questions the document page asks before an action: a reason, a date, the warnings, the origin. */
export function DocumentDialogs({
  ui,
  view,
  dialog,
  pendingWarnings,
  onVoid,
  onReverse,
  onClose,
  onOrigin,
  onCancel,
  onWarningsAnswered,
}: {
  ui: DocumentTypeUi;
  view: DocumentView | null;
  dialog: EditorDialog;
  pendingWarnings: PendingWarnings | null;
  onVoid: (answer: ReasonAnswer) => Promise<void>;
  onReverse: (answer: ReasonAnswer) => Promise<void>;
  onClose: (answer: ReasonAnswer) => Promise<void>;
  onOrigin: (id: number) => void;
  onCancel: () => void;
  onWarningsAnswered: (goOn: boolean) => void;
}) {
  const { t } = useTranslation();
  const number = view?.number ?? '';
  return (
    <>
      <ReasonDialog
        open={dialog === 'void'}
        title={t('document.voidTitle', { number })}
        help={t('document.voidHelp')}
        askDate={false}
        okText={t('document.actions.void')}
        onOk={onVoid}
        onCancel={onCancel}
      />
      <ReasonDialog
        open={dialog === 'reverse'}
        title={t('document.reverseTitle', { number })}
        help={t('document.reverseHelp')}
        askDate
        okText={t('document.actions.reverse')}
        onOk={onReverse}
        onCancel={onCancel}
      />
      <ReasonDialog
        open={dialog === 'close'}
        title={t('document.closeTitle', { number })}
        help={t('document.closeHelp')}
        askDate={false}
        okText={t('document.actions.close')}
        onOk={onClose}
        onCancel={onCancel}
      />
      <WarningsDialog
        action={pendingWarnings?.action ?? 'submit'}
        warnings={pendingWarnings?.warnings ?? null}
        onContinue={() => onWarningsAnswered(true)}
        onCancel={() => onWarningsAnswered(false)}
      />
      {ui.originType && (
        <OriginDocumentDialog
          open={dialog === 'origin'}
          originType={ui.originType}
          onPick={onOrigin}
          onCancel={onCancel}
        />
      )}
    </>
  );
}
