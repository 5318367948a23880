import { useEffect, useEffectEvent, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isMoneySide, type MoneySide } from './MoneySideSwitch';

/** What a page about one counterparty can be opened with: `?counterpartyId=&side=`. */
export interface CounterpartyRequest {
  counterpartyId?: number;
  side?: MoneySide;
}

/** The address that opens a page for one counterparty (对账单, 核销 from 往来余额). */
export function counterpartyAddress(path: string, counterpartyId: number, side: MoneySide): string {
  return `${path}?${new URLSearchParams({ counterpartyId: String(counterpartyId), side }).toString()}`;
}

export function readCounterpartyRequest(params: URLSearchParams): CounterpartyRequest {
  const id = Number(params.get('counterpartyId'));
  const side = params.get('side');
  return {
    ...(Number.isInteger(id) && id > 0 ? { counterpartyId: id } : {}),
    ...(isMoneySide(side) ? { side } : {}),
  };
}

/**
 * Another page asks this one to show something by its address (`?counterpartyId=5&side=payable`):
 * the request is handed over once per navigation, then the address drops it, as the document page
 * does with `?id=`, so that coming back to the tab later does not repeat it.
 */
export function useAddressRequest(onRequest: (request: CounterpartyRequest) => void): void {
  const location = useLocation();
  const navigate = useNavigate();
  // A tab is first drawn at its own address (useOpenTabs adds it while following that address); open
  // pages stay mounted, so a request for another page's address is not this one's.
  const [ownPath] = useState(location.pathname);
  const handOver = useEffectEvent(onRequest);
  useEffect(() => {
    if (location.pathname !== ownPath || location.search === '') return;
    const request = readCounterpartyRequest(new URLSearchParams(location.search));
    void navigate(ownPath, { replace: true });
    if (request.counterpartyId !== undefined || request.side !== undefined) handOver(request);
  }, [location.key, location.pathname, location.search, navigate, ownPath]);
}
