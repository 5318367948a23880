import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { languages, switchLanguage, type Language } from '../i18n/i18n';

const languageNames: Record<Language, string> = { 'zh-CN': '简体中文', 'en-US': 'English' };

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Select
      aria-label={t('header.language')}
      data-testid="language-switch"
      size="small"
      variant="borderless"
      prefix={<GlobalOutlined />}
      value={i18n.language as Language}
      onChange={(language: Language) => void switchLanguage(language)}
      options={languages.map((language) => ({ value: language, label: languageNames[language] }))}
      style={{ width: 130 }}
    />
  );
}
