import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './content-security-policy';

/**
 * The built page carries the app's strict CSP in a meta tag, so it holds under file:// in the desktop
 * app, in web mode and in head office's console alike (response headers never reach file:// pages). One
 * policy, written once in content-security-policy.ts. Only the built page: the dev server's hot reload
 * needs inline scripts, and gets its policy from the main process instead.
 */
export const contentSecurityPolicyMeta: Plugin = {
  name: 'branch-ledger-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      injectTo: 'head-prepend',
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        // frame-ancestors is ignored in a meta tag; the rest applies.
        content: contentSecurityPolicy({ kind: 'file', indexHtml: 'index.html' })
          .split('; ')
          .filter((directive) => !directive.startsWith('frame-ancestors'))
          .join('; '),
      },
    },
  ],
};
