import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];

const languageKey = 'branch-ledger.language';

export function savedLanguage(): Language {
  const saved = window.localStorage.getItem(languageKey);
  return languages.find((language) => language === saved) ?? 'zh-CN';
}

function applyDayjsLocale(language: Language): void {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
}

export function initI18n(): typeof i18next {
  const language = savedLanguage();
  applyDayjsLocale(language);
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function switchLanguage(language: Language): Promise<void> {
  window.localStorage.setItem(languageKey, language);
  applyDayjsLocale(language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}
