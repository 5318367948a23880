import { contextBridge, ipcRenderer } from 'electron';
import type { LedgerBridge } from '../src/shared/bridge';
import { ledgerCallChannel } from './ipc-channel';

// The page gets one function and no Electron object: ipcRenderer itself would let any script in the
// page send on any channel.
contextBridge.exposeInMainWorld('ledger', {
  call: (request) => ipcRenderer.invoke(ledgerCallChannel, request),
} satisfies LedgerBridge);
