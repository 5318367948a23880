import { Input } from 'antd';
import type { PasswordProps } from 'antd/es/input';

/**
 * A password field whose eye icon is left out of the Tab order: Tab goes from one field to the next, as
 * on every form a clerk fills, and the icon is still a click away.
 */
export function PasswordInput(props: PasswordProps) {
  return <Input.Password visibilityToggle={{ tabIndex: -1 }} {...props} />;
}
