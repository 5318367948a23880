import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { HashRouter } from 'react-router';
import { App } from './App';
import { createClient } from './api/client';
import { ClientContext } from './api/ClientContext';
import { withStaleMarking } from './api/staleMarkingClient';
import { chooseTransport } from './api/transports';
import { initI18n } from './i18n/i18n';

initI18n();
// The engine is local: a failed call is an answer, not a network blip worth retrying.
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});
const client = withStaleMarking(
  createClient(chooseTransport(), window.sessionStorage, {
    desktop: window.ledger !== undefined,
  }),
  queryClient,
);

function LocalizedApp() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en-US' ? enUSLocale : zhCNLocale}>
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ClientContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>
        {/* HashRouter: the desktop app loads from file://, where paths cannot be served. */}
        <HashRouter>
          <LocalizedApp />
        </HashRouter>
      </QueryClientProvider>
    </ClientContext.Provider>
  </StrictMode>,
);
