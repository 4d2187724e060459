import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestMatchingRange, endpoint, ipRangeContains, parseIpRange } from '../../src/store/ip-range.ts';
import { StoreError } from '../../src/store/store-error.ts';

test('parseIpRange() understands single addresses, CIDR and from-to ranges', () => {
  assert.ok(ipRangeContains(parseIpRange('10.1.1.1'), '10.1.1.1'));
  assert.ok(!ipRangeContains(parseIpRange('10.1.1.1'), '10.1.1.2'));
  assert.ok(ipRangeContains(parseIpRange('192.168.0.0/16'), '192.168.44.3'));
  assert.ok(!ipRangeContains(parseIpRange('192.168.0.0/16'), '192.169.0.1'));
  assert.ok(ipRangeContains(parseIpRange('0.0.0.0-255.255.255.255'), '127.0.0.1'));
  assert.ok(ipRangeContains(parseIpRange('::1'), '::1'));
  assert.ok(ipRangeContains(parseIpRange('fe80::/10'), 'fe80::1234'));
});

test('IPv4-mapped IPv6 peers match IPv4 ranges', () => {
  assert.ok(ipRangeContains(parseIpRange('127.0.0.0/8'), '::ffff:127.0.0.1'));
});

test('parseIpRange() rejects garbage', () => {
  assert.throws(() => parseIpRange('10.0.0.300'), StoreError);
  assert.throws(() => parseIpRange('10.0.0.9-10.0.0.1'), StoreError);
  assert.throws(() => parseIpRange('10.0.0.0/33'), StoreError);
});

test('bestMatchingRange() prefers the smallest matching range', () => {
  const ranges = ['0.0.0.0-255.255.255.255', '127.0.0.0/8', '127.0.0.1'].map(parseIpRange);
  assert.equal(bestMatchingRange(ranges, '127.0.0.1')?.text, '127.0.0.1');
  assert.equal(bestMatchingRange(ranges, '127.0.0.2')?.text, '127.0.0.0/8');
  assert.equal(bestMatchingRange(ranges, '10.0.0.1')?.text, '0.0.0.0-255.255.255.255');
  assert.equal(bestMatchingRange([parseIpRange('10.0.0.0/8')], '127.0.0.1'), undefined);
});

test('peers given with brackets or a zone id still match; endpoint() brackets IPv6 only', () => {
  assert.ok(ipRangeContains(parseIpRange('fe80::/10'), 'fe80::1%eth0'));
  assert.ok(ipRangeContains(parseIpRange('::1'), '[::1]'));
  assert.equal(endpoint('::ffff:10.0.0.1', 25), '10.0.0.1:25');
  assert.equal(endpoint('::1', 25), '[::1]:25');
  assert.equal(endpoint(undefined, 25), '');
});
