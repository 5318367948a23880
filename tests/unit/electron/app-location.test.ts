import { describe, expect, it } from 'vitest';
import { type AppLocation, isAppUrl, resolveAppLocation } from '../../../electron/app-location';

const built: AppLocation = {
  kind: 'file',
  indexHtml: '/opt/Branch Ledger/resources/app.asar/out/renderer/index.html',
};
const dev: AppLocation = { kind: 'dev-server', url: 'http://localhost:5173' };

describe('the app’s own URL', () => {
  it.each([
    'file:///opt/Branch%20Ledger/resources/app.asar/out/renderer/index.html',
    'file:///opt/Branch%20Ledger/resources/app.asar/out/renderer/index.html#/stock/balance?warehouse=1',
    'file:///opt/Branch%20Ledger/resources/app.asar/out/renderer/../renderer/index.html',
  ])('includes the built page %s', (url) => {
    expect(isAppUrl(url, built)).toBe(true);
  });

  it.each([
    'https://evil.example',
    'https://evil.example/opt/Branch%20Ledger/resources/app.asar/out/renderer/index.html',
    'file:///etc/passwd',
    'file:///opt/Branch%20Ledger/resources/app.asar/out/renderer/assets/evil.html',
    'file://fileserver/opt/Branch%20Ledger/resources/app.asar/out/renderer/index.html',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'not a url',
  ])('excludes %s from the built app', (url) => {
    expect(isAppUrl(url, built)).toBe(false);
  });

  it('is the dev server’s origin while developing, and nothing else', () => {
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/#/documents', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('file:///opt/Branch%20Ledger/resources/app.asar/out/renderer/index.html', dev)).toBe(
      false,
    );
  });

  it('ignores the dev-server variable in the installed app, where anyone could set it', () => {
    const indexHtml = '/opt/app/out/renderer/index.html';
    expect(resolveAppLocation({ isPackaged: true, devServerUrl: 'https://evil.example', indexHtml })).toEqual(
      {
        kind: 'file',
        indexHtml,
      },
    );
    expect(
      resolveAppLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173', indexHtml }),
    ).toEqual(dev);
    expect(resolveAppLocation({ isPackaged: false, devServerUrl: undefined, indexHtml })).toEqual({
      kind: 'file',
      indexHtml,
    });
  });
});
