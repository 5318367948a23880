import { App, DatePicker, type DatePickerProps } from 'antd';
import type { Dayjs } from 'dayjs';
import type { FocusEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { typedDateFormat, typedDateProblem } from './typedDate';

/**
 * A date field that says so when what was typed is not a date. antd's picker drops 2026-02-30 or
 * 20261205 without a word and keeps the date it had, so the clerk would post on a day they did not
 * mean; here the refusal names what was typed and the format, and the field keeps its date visibly.
 */
export function DateInput(props: DatePickerProps<Dayjs, false>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const check = (text: string) => {
    if (text.trim() === '') return;
    const problem = typedDateProblem(text);
    // One message per field at a time: Enter and the blur after it are the same mistake.
    if (problem) void message.error({ key: 'typed-date', content: t(`form.date.${problem}`, { text }) });
  };
  return (
    <DatePicker
      format={typedDateFormat}
      {...props}
      onKeyDown={(event: KeyboardEvent<HTMLElement>, preventDefault) => {
        if (event.key === 'Enter') check((event.target as HTMLInputElement).value ?? '');
        props.onKeyDown?.(event, preventDefault);
      }}
      onBlur={(event: FocusEvent<HTMLElement>, info) => {
        check((event.target as HTMLInputElement).value ?? '');
        props.onBlur?.(event, info);
      }}
    />
  );
}
