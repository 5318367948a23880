import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';

/**
 * An ordered choice of keys from a picker (a template's header fields, its signature boxes): each chosen
 * key a row to move up or down or take out, and a picker of the rest to add one at the end. A form
 * control: `value` and `onChange` as antd's Form.Item gives them.
 */
export function OrderedKeys({
  value = [],
  onChange,
  options,
  addLabel,
  testId,
}: {
  value?: readonly string[];
  onChange?: (keys: string[]) => void;
  /** Every key that may be chosen, with its label. */
  options: Readonly<Record<string, string>>;
  addLabel: string;
  testId: string;
}) {
  const change = (keys: string[]) => onChange?.(keys);
  const move = (index: number, by: number) => {
    const keys = [...value];
    const [key] = keys.splice(index, 1);
    keys.splice(index + by, 0, key!);
    change(keys);
  };
  const rest = Object.keys(options).filter((key) => !value.includes(key));
  return (
    <Flex vertical gap={4} data-testid={testId}>
      {value.map((key, index) => (
        <Flex key={key} align="center" gap={4} data-testid={`${testId}-item`}>
          <Typography.Text style={{ flex: 1 }}>{options[key] ?? key}</Typography.Text>
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            onClick={() => move(index, -1)}
            aria-label={`${options[key] ?? key} ↑`}
          />
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={index === value.length - 1}
            onClick={() => move(index, 1)}
            aria-label={`${options[key] ?? key} ↓`}
          />
          <Button
            size="small"
            type="text"
            icon={<CloseOutlined />}
            onClick={() => change(value.filter((other) => other !== key))}
            aria-label={`${options[key] ?? key} ✕`}
          />
        </Flex>
      ))}
      {rest.length > 0 && (
        <Select<string>
          size="small"
          value={null as unknown as string}
          placeholder={addLabel}
          options={rest.map((key) => ({ value: key, label: options[key] }))}
          onChange={(key) => change([...value, key])}
          data-testid={`${testId}-add`}
        />
      )}
    </Flex>
  );
}
