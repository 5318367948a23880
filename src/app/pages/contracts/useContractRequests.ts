import { useEffect, useEffectEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { contractPaths, readContractRequest, type ContractRequest } from './contractPaths';

/**
 * A list asks the contract page to open a contract (`?id=`) or start one (`?new=sales`): once per
 * navigation, the address then cleared, so the page keeps its contract while other tabs are in front.
 */
export function useContractRequests(onRequest: (request: ContractRequest) => void): void {
  const location = useLocation();
  const navigate = useNavigate();
  const requested = useEffectEvent(onRequest);
  useEffect(() => {
    if (location.pathname !== contractPaths.contract) return;
    const request = readContractRequest(location.search);
    if (!request) return;
    void navigate(contractPaths.contract, { replace: true });
    requested(request);
  }, [location.key, location.pathname, location.search, navigate]);
}
