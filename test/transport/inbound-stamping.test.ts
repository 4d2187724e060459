import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { partnerMailClassification, stampInboundMessage } from '../../src/transport/inbound-stamping.ts';
import { readMessage } from '../../src/transport/mailbox.ts';
import { headerValue, splitMessage } from '../../src/transport/message-headers.ts';
import { outboundContent } from '../../src/transport/delivery.ts';
import { temporaryStateDir } from './helpers/organisations.ts';

const facts = { serverFqdn: 'mail.contoso.com', helo: 'mail.woodgrovebank.com', remoteAddress: '10.1.1.2', localAddress: '10.1.1.1', tls: true, messageId: 'abc@mail.contoso.com' };
const original = Buffer.from('From: ann@woodgrovebank.com\r\nSubject: Rates\r\nX-MS-Exchange-Organization-AuthAs: Partner\r\nX-MS-Exchange-Organization-AuthMechanism: 02\r\n\r\nBody\r\n.. stays\r\n');

test('mail from a mutually authenticated partner is stamped Partner / 02 / domain / Partner Mail', () => {
  const stamped = stampInboundMessage(original, { ...facts, authentication: { kind: 'partner', domain: 'woodgrovebank.com' } });
  const { headers, body } = splitMessage(stamped);
  assert.match(headers[0]!.raw, /^Received: from mail\.woodgrovebank\.com \(10\.1\.1\.2\) by mail\.contoso\.com/);
  assert.match(headers[0]!.value, /with Microsoft SMTP Server \(TLS\)/);
  assert.equal(headerValue(headers, 'X-MS-Exchange-Organization-AuthAs'), 'Partner');
  assert.equal(headerValue(headers, 'X-MS-Exchange-Organization-AuthMechanism'), '02');
  assert.equal(headerValue(headers, 'X-MS-Exchange-Organization-AuthDomain'), 'woodgrovebank.com');
  assert.equal(headerValue(headers, 'X-MS-Exchange-Organization-Classification'), partnerMailClassification);
  assert.equal(headerValue(headers, 'X-MS-Exchange-Organization-AuthSource'), 'mail.contoso.com');
  assert.equal(headerValue(headers, 'Message-ID'), '<abc@mail.contoso.com>', 'added when missing');
  assert.equal(body.toString(), 'Body\r\n.. stays\r\n');
});

test('anonymous mail cannot forge the Domain Secured marking', () => {
  const state = temporaryStateDir('stamp');
  try {
    const stamped = stampInboundMessage(original, { ...facts, authentication: { kind: 'anonymous' } });
    const { headers } = splitMessage(stamped);
    assert.equal(headers.filter((field) => field.name === 'X-MS-Exchange-Organization-AuthAs').length, 1);
    assert.equal(headerValue(headers, 'X-MS-Exchange-Organization-AuthAs'), 'Anonymous');
    assert.equal(headerValue(headers, 'X-MS-Exchange-Organization-AuthMechanism'), undefined);
    const path = join(state.path, 'anon.eml');
    writeFileSync(path, stamped);
    assert.equal(readMessage(path).domainSecured, false);
    const partnerPath = join(state.path, 'partner.eml');
    writeFileSync(partnerPath, stampInboundMessage(original, { ...facts, authentication: { kind: 'partner', domain: 'woodgrovebank.com' } }));
    const partner = readMessage(partnerPath);
    assert.equal(partner.domainSecured, true);
    assert.equal(partner.authDomain, 'woodgrovebank.com');
    assert.equal(partner.subject, 'Rates');
  } finally {
    state.remove();
  }
});

test('organization headers are removed when mail leaves the organization', () => {
  const stamped = stampInboundMessage(original, { ...facts, authentication: { kind: 'local' } });
  const { headers } = splitMessage(outboundContent(stamped));
  assert.ok(headers.every((field) => !field.name.toLowerCase().startsWith('x-ms-exchange-organization-')));
  assert.equal(headerValue(headers, 'Subject'), 'Rates');
});
