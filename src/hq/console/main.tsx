import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { App } from './App';
import { ConsoleTokenContext } from './api/ConsoleTokenContext';
import { takeConsoleToken } from './api/consoleToken';

dayjs.locale('zh-cn');
const token = takeConsoleToken();
// A refusal (no token, a wrong month) is an answer worth showing at once, not retrying.
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConsoleTokenContext.Provider value={token}>
      <QueryClientProvider client={queryClient}>
        <ConfigProvider locale={zhCNLocale}>
          <AntApp>
            {/* HashRouter: the receiver serves one index.html under /console/, the routes live in the hash. */}
            <HashRouter>
              <App />
            </HashRouter>
          </AntApp>
        </ConfigProvider>
      </QueryClientProvider>
    </ConsoleTokenContext.Provider>
  </StrictMode>,
);
