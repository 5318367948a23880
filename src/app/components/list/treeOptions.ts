import type { SelectOption } from './entityListConfig';

/** Tree options with what the select shows once one is chosen: its own chosen label, or its label. */
export function withChosenLabels(options: SelectOption[]): SelectOption[] {
  return options.map((option) => ({
    ...option,
    chosenLabel: option.chosenLabel ?? option.label,
    ...(option.children ? { children: withChosenLabels(option.children) } : {}),
  }));
}
