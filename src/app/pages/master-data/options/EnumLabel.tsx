import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../../../i18n/messageKey';

/** An engine value (dealer, office …) shown in the person's language. */
export function EnumLabel<Value extends string>({
  labels,
  value,
}: {
  labels: Record<Value, MessageKey>;
  value: Value | null | undefined;
}) {
  const { t } = useTranslation();
  return value ? t(labels[value]) : null;
}
