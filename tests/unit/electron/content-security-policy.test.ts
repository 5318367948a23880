import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('the content security policy', () => {
  const built = directives(
    contentSecurityPolicy({ kind: 'file', indexHtml: '/opt/app/out/renderer/index.html' }),
  );

  it('lets the built app run only its own scripts, with no inline or evaluated code', () => {
    expect(built.get('script-src')).toEqual(["'self'"]);
    expect(built.get('default-src')).toEqual(["'self'"]);
  });

  it('allows inline styles only, for antd’s run-time styling', () => {
    expect(built.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('forbids plugins, base rewriting, being framed and form posts', () => {
    expect(built.get('object-src')).toEqual(["'none'"]);
    expect(built.get('base-uri')).toEqual(["'none'"]);
    expect(built.get('frame-ancestors')).toEqual(["'none'"]);
    expect(built.get('form-action')).toEqual(["'none'"]);
  });

  it('connects nowhere but itself in the built app', () => {
    expect(built.get('connect-src')).toEqual(["'self'"]);
    expect(built.get('img-src')).toEqual(["'self'", 'data:']);
    expect(built.get('font-src')).toEqual(["'self'", 'data:']);
  });

  it('opens the dev server’s hot-reload socket and inline preamble only while developing', () => {
    const dev = directives(contentSecurityPolicy({ kind: 'dev-server', url: 'http://localhost:5173' }));
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const secureDev = directives(
      contentSecurityPolicy({ kind: 'dev-server', url: 'https://127.0.0.1:5443/' }),
    );
    expect(secureDev.get('connect-src')).toEqual(["'self'", 'wss://127.0.0.1:5443']);
  });
});
