import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommandLine, parseMailbox, parsePathArgument } from '../../src/transport/smtp-command.ts';

test('parseCommandLine() upper-cases the verb and keeps the argument', () => {
  assert.deepEqual(parseCommandLine('mail From:<a@b.com>'), { verb: 'MAIL', argument: 'From:<a@b.com>' });
  assert.deepEqual(parseCommandLine('QUIT'), { verb: 'QUIT', argument: '' });
});

test('parsePathArgument() reads the path and ESMTP parameters', () => {
  const path = parsePathArgument('FROM:<user@woodgrovebank.com> SIZE=614 BODY=8BITMIME', 'FROM');
  assert.equal(path?.address, 'user@woodgrovebank.com');
  assert.equal(path?.parameters.get('SIZE'), '614');
  assert.equal(path?.parameters.get('BODY'), '8BITMIME');
  assert.equal(parsePathArgument('FROM:<>', 'FROM')?.address, '');
  assert.equal(parsePathArgument('TO: <@relay.example:bob@contoso.com>', 'TO')?.address, 'bob@contoso.com');
  assert.equal(parsePathArgument('TO:bob@contoso.com', 'TO')?.address, 'bob@contoso.com');
});

test('parsePathArgument() rejects a wrong keyword or an unterminated path', () => {
  assert.equal(parsePathArgument('TO:<a@b>', 'FROM'), undefined);
  assert.equal(parsePathArgument('FROM:<a@b', 'FROM'), undefined);
  assert.equal(parsePathArgument('FROMX', 'FROM'), undefined);
});

test('parseMailbox() splits valid addresses and refuses malformed ones', () => {
  assert.deepEqual(parseMailbox('Bob.Smith@Contoso.COM'), { local: 'Bob.Smith', domain: 'contoso.com' });
  assert.equal(parseMailbox('no-at-sign'), undefined);
  assert.equal(parseMailbox('a@'), undefined);
  assert.equal(parseMailbox('a b@c.com'), undefined);
  assert.equal(parseMailbox('a@-bad-.com'), undefined);
  assert.deepEqual(parseMailbox('"odd user"@contoso.com'), { local: '"odd user"', domain: 'contoso.com' });
});
