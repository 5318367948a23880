import type { Messages } from './zh-CN';

// Makes `t('page.branchSettings')` a checked key: a typo fails the typecheck, not the screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
