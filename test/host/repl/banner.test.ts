import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { bannerText } from '../../../src/host/repl/banner.ts';
import { BufferHost } from '../../../src/runtime/host-ui.ts';
import { Session } from '../../../src/runtime/session.ts';
import { openState } from '../../../src/store/emsh-state.ts';

function sessionAt(root: string): Session {
  return new Session({ host: new BufferHost(), stateRoot: root });
}

describe('banner', () => {
  it('names emsh only on a fresh state root, and does not initialise it', () => {
    const root = mkdtempSync(join(tmpdir(), 'emsh-banner-'));
    const text = bannerText(sessionAt(root), '0.1.0');
    assert.match(text, /^emsh 0\.1\.0\n/);
    assert.ok(!existsSync(join(root, 'organization')), 'no organisation created');
  });
  it('names the organisation and server of an existing store', () => {
    const root = mkdtempSync(join(tmpdir(), 'emsh-banner-'));
    openState({ root, settings: { organizationName: 'Contoso', serverName: 'EDGE01', serverFqdn: 'edge01.contoso.com' } });
    assert.match(bannerText(sessionAt(root), '0.1.0'), /^emsh 0\.1\.0 - organization Contoso, server EDGE01\n/);
  });
  it('prefers the server the Exchange module is working on', () => {
    const s = sessionAt(mkdtempSync(join(tmpdir(), 'emsh-banner-')));
    s.services.set('exchange.state', { serverName: 'HUB01', state: { documents: { read: () => ({ organization: { Name: 'Fabrikam', LocalServer: 'EDGE02' } }) } } });
    assert.match(bannerText(s, '0.1.0'), /organization Fabrikam, server HUB01/);
  });
});
