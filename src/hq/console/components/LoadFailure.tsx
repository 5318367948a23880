import { Alert, Button } from 'antd';
import { zh } from '../text/zh-CN';

/** A read that failed, in head office's words, with a way to try again. */
export function LoadFailure(props: { error: Error; onRetry: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title={props.error.message}
      action={
        <Button size="small" onClick={props.onRetry}>
          {zh.errors.retry}
        </Button>
      }
    />
  );
}
