import { Tag } from 'antd';
import type { BranchFlag } from '../../../shared/hq-console/console-api';
import { zh } from '../text/zh-CN';

const flagColors: Record<BranchFlag, string> = {
  ok: 'success',
  lagging: 'warning',
  gaps: 'orange',
  rejected: 'error',
  never_uploaded: 'default',
  disabled: 'default',
};

/** A branch's state as tags, in the order of urgency the API gives. */
export function FlagTags(props: { flags: readonly BranchFlag[] }) {
  return (
    <>
      {props.flags.map((flag) => (
        <Tag key={flag} color={flagColors[flag]} data-flag={flag}>
          {zh.flags[flag]}
        </Tag>
      ))}
    </>
  );
}
