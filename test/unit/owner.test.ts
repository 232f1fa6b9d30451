// Owner of a new document: the order (--owner, $PMDOCS_OWNER, git user.name, login name), the checks,
// and git's config read as data (includes, includeIf gitdir:, worktrees, quoting).

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { FileStat, IHost } from '../../src/core/host.js';
import { gitUserName, ownerFromName, parseGitConfig, resolveOwner } from '../../src/core/templates/index.js';

function memoryHost(files: Record<string, string>, dirs: string[] = []): IHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async readFile(path) {
      reads.push(path);
      return files[path];
    },
    async stat(path): Promise<FileStat | undefined> {
      if (path in files) return { isFile: true, isDirectory: false, size: files[path]!.length };
      if (dirs.includes(path)) return { isFile: false, isDirectory: true, size: 0 };
      return undefined;
    },
  };
}

describe('resolveOwner', () => {
  const git = () => 'Jane Doe';
  const login = () => 'jdoe';
  test('the first source that has a value wins, in the documented order', async () => {
    assert.deepEqual(await resolveOwner({ option: '@kim', envOwner: '@env', gitUserName: git, loginName: login }), {
      owner: '@kim',
      source: 'option',
    });
    assert.deepEqual(await resolveOwner({ option: ' ', envOwner: 'group:billing', gitUserName: git, loginName: login }), {
      owner: 'group:billing',
      source: 'PMDOCS_OWNER',
    });
    assert.deepEqual(await resolveOwner({ envOwner: '', gitUserName: git, loginName: login }), {
      owner: 'jane.doe',
      source: 'git user.name',
    });
    assert.deepEqual(await resolveOwner({ gitUserName: () => undefined, loginName: login }), { owner: '@jdoe', source: 'login name' });
  });
  test('an explicit value that is not a valid owner is refused, not written', async () => {
    const r = await resolveOwner({ option: 'Jane Doe', optionName: '--owner', gitUserName: git });
    assert.deepEqual(r, {
      invalid: 'Jane Doe',
      source: 'option',
      message: "--owner 'Jane Doe' is not a valid owner; use @handle, user:name, group:team or an email address",
    });
    const e = await resolveOwner({ envOwner: '@@x' });
    assert.equal(
      'invalid' in e && e.message,
      "$PMDOCS_OWNER '@@x' is not a valid owner; use @handle, user:name, group:team or an email address",
    );
  });
  test('nothing found: a message that asks for --owner', async () => {
    const r = await resolveOwner({ gitUserName: () => undefined, loginName: () => 'DOMAIN\\me' });
    assert.deepEqual(r, {
      none: true,
      message:
        "no owner for the new document: pass --owner (@handle, user:name, group:team or an email address), or set $PMDOCS_OWNER or git's user.name",
    });
  });
  test('a lookup that throws is a source with nothing to say', async () => {
    const r = await resolveOwner({
      gitUserName: () => {
        throw new Error('EACCES');
      },
      loginName: login,
    });
    assert.deepEqual(r, { owner: '@jdoe', source: 'login name' });
  });
  test('names become handles', () => {
    assert.equal(ownerFromName('Jane Doe'), 'jane.doe');
    assert.equal(ownerFromName('José Núñez-García'), 'jose.nunez-garcia');
    assert.equal(ownerFromName("Seán O'Brien"), 'sean.obrien');
    assert.equal(ownerFromName('jdoe'), 'jdoe');
    assert.equal(ownerFromName('jane@example.com'), 'jane@example.com');
    assert.equal(ownerFromName('李小龙'), undefined);
    assert.equal(ownerFromName('  '), undefined);
  });
});

describe('gitUserName (config files read as data)', () => {
  test('global files, then the repository config; the last value wins', async () => {
    const host = memoryHost(
      {
        '/home/a/.config/git/config': '[user]\n\tname = From XDG\n',
        '/home/a/.gitconfig': '[user]\n  name = "Jane  Doe" # a comment\n  email = j@example.com\n',
        '/work/repo/.git/config': '[core]\n\tbare = false\n',
      },
      ['/work/repo/.git'],
    );
    assert.equal(await gitUserName(host, '/work/repo/docs/prd', { home: '/home/a' }), 'Jane  Doe');
    host.reads.length = 0;
    const local = memoryHost(
      { '/home/a/.gitconfig': '[user]\nname = Global\n', '/work/repo/.git/config': '[User]\n\tName = Local Name\n' },
      ['/work/repo/.git'],
    );
    assert.equal(await gitUserName(local, '/work/repo', { home: '/home/a' }), 'Local Name');
  });
  test('$GIT_CONFIG_GLOBAL replaces the global files', async () => {
    const host = memoryHost({ '/home/a/.gitconfig': '[user]\nname = Home\n', '/etc/my.gitconfig': '[user]\nname = Chosen\n' });
    assert.equal(await gitUserName(host, '/x', { home: '/home/a', gitConfigGlobal: '/etc/my.gitconfig' }), 'Chosen');
  });
  test('include.path and includeIf gitdir: are followed; other conditions are not', async () => {
    const host = memoryHost(
      {
        '/home/a/.gitconfig': [
          '[user]\n\tname = Personal',
          '[includeIf "gitdir:~/work/"]\n\tpath = .gitconfig-work',
          '[includeIf "onbranch:main"]\n\tpath = /never',
          '[include]\n\tpath = ~/.gitconfig-last',
        ].join('\n'),
        '/home/a/.gitconfig-work': '[user]\n\tname = Work Name\n',
        '/home/a/.gitconfig-last': '[core]\n\teditor = vim\n',
        '/never': '[user]\n\tname = Wrong\n',
        '/home/a/work/p/.git/config': '',
      },
      ['/home/a/work/p/.git', '/home/a/play/q/.git'],
    );
    assert.equal(await gitUserName(host, '/home/a/work/p/docs', { home: '/home/a' }), 'Work Name');
    assert.equal(await gitUserName(host, '/home/a/play/q', { home: '/home/a' }), 'Personal');
    assert.ok(!host.reads.includes('/never'));
  });
  test('an include cycle stops after 10 levels', async () => {
    const host = memoryHost({ '/h/.gitconfig': '[include]\npath = .gitconfig\n[user]\nname = Loop\n' });
    assert.equal(await gitUserName(host, '/x', { home: '/h' }), 'Loop');
    assert.ok(host.reads.length <= 13, `${host.reads.length} reads`);
  });
  test('a linked worktree reads the main repository config', async () => {
    const host = memoryHost({
      '/wt/feature/.git': 'gitdir: /repo/.git/worktrees/feature\n',
      '/repo/.git/worktrees/feature/commondir': '../..\n',
      '/repo/.git/config': '[user]\n\tname = Main Repo\n',
    });
    assert.equal(await gitUserName(host, '/wt/feature/docs', {}), 'Main Repo');
  });
  test('no config anywhere: undefined', async () => {
    assert.equal(await gitUserName(memoryHost({}), '/a/b', { home: '/h' }), undefined);
  });
  test('value syntax: quotes, escapes, comments, continuation, legacy section names', () => {
    const entries = parseGitConfig('[user] name = a\\"b ; c\n[remote "origin"]\n\turl = x\\\n  y\n[foo.Bar]\nflag\n# [user]\n');
    assert.deepEqual(entries, [
      { section: 'user', subsection: undefined, key: 'name', value: 'a"b' },
      { section: 'remote', subsection: 'origin', key: 'url', value: 'x  y' },
      { section: 'foo', subsection: 'bar', key: 'flag' },
    ]);
  });
});
