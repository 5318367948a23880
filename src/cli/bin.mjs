#!/usr/bin/env node
// `npx ledger …`: runs the TypeScript CLI through tsx, the same code `npm run ledger` runs.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
