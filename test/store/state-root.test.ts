import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import Conf from 'conf';
import { defaultConfFolder, resolveStateRoot, statePaths } from '../../src/store/state-root.ts';
import { tempFolder } from './helpers.ts';

test('EMSH_HOME wins and is made absolute', () => {
  assert.equal(resolveStateRoot({ EMSH_HOME: '/srv/contoso' }), '/srv/contoso');
  assert.equal(resolveStateRoot({ EMSH_HOME: 'relative/root' }), path.resolve('relative/root'));
});

test('without EMSH_HOME the root is the folder conf would use for project emsh', { skip: process.platform !== 'linux' }, (t) => {
  const config = tempFolder(t);
  const saved = process.env.XDG_CONFIG_HOME;
  process.env.XDG_CONFIG_HOME = config;
  t.after(() => (saved === undefined ? delete process.env.XDG_CONFIG_HOME : (process.env.XDG_CONFIG_HOME = saved)));
  const conf = new Conf({ projectName: 'emsh' });
  assert.equal(resolveStateRoot({ XDG_CONFIG_HOME: config }), path.dirname(conf.path));
  assert.equal(defaultConfFolder('emsh', { XDG_CONFIG_HOME: config }), path.join(config, 'emsh-nodejs'));
});

test('every path of the layout is inside the root', () => {
  const paths = statePaths('/state');
  for (const [name, value] of Object.entries(paths)) {
    if (name !== 'root') assert.ok(value.startsWith('/state' + path.sep), `${name} = ${value}`);
  }
});
