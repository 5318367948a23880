import { Spin } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useClient } from './api/ClientContext';
import { useApiQuery } from './api/useApi';
import { LoadFailure } from './components/LoadFailure';
import { AppShell } from './layout/AppShell';
import { LoginPage } from './pages/login/LoginPage';
import { PasswordChangeRequiredPage } from './pages/login/PasswordChangeRequiredPage';
import { SetupPage } from './pages/setup/SetupPage';
import { SessionContext } from './session/SessionContext';

const fullScreenSpin = <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;

/** First run, then login, then the shell: which one is decided by the engine, not remembered here. */
export function App() {
  const client = useClient();
  const queryClient = useQueryClient();
  const [signedIn, setSignedIn] = useState(client.hasSession());
  const status = useApiQuery('setup.status', {});
  const currentUser = useApiQuery(
    'auth.currentUser',
    {},
    { enabled: signedIn && status.data?.isSetUp === true },
  );

  useEffect(
    () =>
      client.onSessionLost(() => {
        setSignedIn(false);
        queryClient.clear();
      }),
    [client, queryClient],
  );

  if (status.error) return <LoadFailure error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data) return fullScreenSpin;
  if (!status.data.isSetUp) {
    return (
      <SetupPage
        onDone={() => {
          setSignedIn(true);
          void status.refetch();
        }}
      />
    );
  }
  if (!signedIn || currentUser.error) {
    return (
      <LoginPage
        branchName={status.data.branchName}
        onLoggedIn={() => {
          queryClient.removeQueries({ queryKey: ['auth.currentUser'] });
          setSignedIn(true);
        }}
      />
    );
  }
  if (!currentUser.data) return fullScreenSpin;

  const logout = async () => {
    try {
      await client.call('auth.logout', {});
    } finally {
      client.setSession(null);
      setSignedIn(false);
      queryClient.clear();
    }
  };

  if (currentUser.data.user.mustChangePassword) {
    return (
      <PasswordChangeRequiredPage
        displayName={currentUser.data.user.displayName}
        onChanged={() => void currentUser.refetch()}
        onLogout={() => void logout()}
      />
    );
  }

  return (
    <SessionContext.Provider value={{ current: currentUser.data, logout }}>
      <AppShell />
    </SessionContext.Provider>
  );
}
