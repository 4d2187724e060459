import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestMatchingRange, parseIpRange, rangeContains } from '../../src/transport/ip-range.ts';

test('parseIpRange() understands single addresses, CIDR and from-to ranges', () => {
  assert.ok(rangeContains(parseIpRange('10.1.1.1'), '10.1.1.1'));
  assert.ok(!rangeContains(parseIpRange('10.1.1.1'), '10.1.1.2'));
  assert.ok(rangeContains(parseIpRange('192.168.0.0/16'), '192.168.44.3'));
  assert.ok(!rangeContains(parseIpRange('192.168.0.0/16'), '192.169.0.1'));
  assert.ok(rangeContains(parseIpRange('0.0.0.0-255.255.255.255'), '127.0.0.1'));
  assert.ok(rangeContains(parseIpRange('::1'), '::1'));
  assert.ok(rangeContains(parseIpRange('fe80::/10'), 'fe80::1234'));
});

test('IPv4-mapped IPv6 peers match IPv4 ranges', () => {
  assert.ok(rangeContains(parseIpRange('127.0.0.0/8'), '::ffff:127.0.0.1'));
});

test('parseIpRange() rejects garbage', () => {
  assert.throws(() => parseIpRange('10.0.0.300'), SyntaxError);
  assert.throws(() => parseIpRange('10.0.0.9-10.0.0.1'), SyntaxError);
  assert.throws(() => parseIpRange('10.0.0.0/33'), SyntaxError);
});

test('bestMatchingRange() prefers the smallest matching range', () => {
  const ranges = ['0.0.0.0-255.255.255.255', '127.0.0.0/8', '127.0.0.1'].map(parseIpRange);
  assert.equal(bestMatchingRange(ranges, '127.0.0.1')?.text, '127.0.0.1');
  assert.equal(bestMatchingRange(ranges, '127.0.0.2')?.text, '127.0.0.0/8');
  assert.equal(bestMatchingRange(ranges, '10.0.0.1')?.text, '0.0.0.0-255.255.255.255');
  assert.equal(bestMatchingRange([parseIpRange('10.0.0.0/8')], '127.0.0.1'), undefined);
});
