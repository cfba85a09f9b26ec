import { describe, expect, it } from 'vitest';
import { installAction } from '@/src/welcome/first-run';

describe('installAction', () => {
  it('opens the welcome page on a first install (nothing ran in this profile before)', () => {
    expect(installAction({ reason: 'install' }, null, '0.2.0')).toEqual({ kind: 'open-welcome' });
  });

  it('never opens it on an update; an update to a new version leaves a what’s-new line instead', () => {
    expect(installAction({ reason: 'update', previousVersion: '0.1.0' }, '0.1.0', '0.2.0')).toEqual({ kind: 'note-whats-new', version: '0.2.0' });
    // From a release that did not keep its version yet: the browser's previousVersion tells.
    expect(installAction({ reason: 'update', previousVersion: '0.1.0' }, null, '0.2.0')).toEqual({ kind: 'note-whats-new', version: '0.2.0' });
  });

  it('an unpacked copy, reported as "install" at every launch: nothing at the same version, what’s new at a new one', () => {
    expect(installAction({ reason: 'install' }, '0.2.0', '0.2.0')).toEqual({ kind: 'nothing' });
    expect(installAction({ reason: 'install' }, '0.1.0', '0.2.0')).toEqual({ kind: 'note-whats-new', version: '0.2.0' });
  });

  it('says nothing when an update did not change the version', () => {
    expect(installAction({ reason: 'update', previousVersion: '0.2.0' }, '0.2.0', '0.2.0')).toEqual({ kind: 'nothing' });
    expect(installAction({ reason: 'update', previousVersion: '0.2.0' }, null, '0.2.0')).toEqual({ kind: 'nothing' });
  });

  it('ignores the browser’s own updates', () => {
    expect(installAction({ reason: 'chrome_update', previousVersion: '0.1.0' }, null, '0.2.0')).toEqual({ kind: 'nothing' });
    expect(installAction({ reason: 'browser_update' }, '0.1.0', '0.2.0')).toEqual({ kind: 'nothing' });
    expect(installAction({ reason: 'shared_module_update' }, null, '0.2.0')).toEqual({ kind: 'nothing' });
  });
});
