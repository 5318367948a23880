import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { MonthRange } from '../../../shared/hq-console/console-api';
import { zh } from '../text/zh-CN';

const monthFormat = 'YYYY-MM';

/** Which months a summary shows; empty until head office holds anything. */
export function MonthRangeFilter(props: { value: MonthRange | null; onChange: (range: MonthRange) => void }) {
  return (
    <DatePicker.RangePicker
      picker="month"
      format={monthFormat}
      allowClear={false}
      prefix={zh.summary.months}
      value={props.value ? [dayjs(props.value.from), dayjs(props.value.to)] : null}
      onChange={(range) => {
        const [from, to] = range ?? [];
        if (from && to) props.onChange({ from: from.format(monthFormat), to: to.format(monthFormat) });
      }}
      data-testid="month-range"
    />
  );
}
