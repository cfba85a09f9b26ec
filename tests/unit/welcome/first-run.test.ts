import { describe, expect, it } from 'vitest';
import { installAction } from '@/src/welcome/first-run';

describe('installAction', () => {
  it('opens the welcome page on a first install', () => {
    expect(installAction({ reason: 'install' }, '0.2.0')).toEqual({ kind: 'open-welcome' });
  });

  it('never opens it on an update; an update to a new version leaves a what’s-new line instead', () => {
    expect(installAction({ reason: 'update', previousVersion: '0.1.0' }, '0.2.0')).toEqual({ kind: 'note-whats-new', version: '0.2.0' });
  });

  it('says nothing when the version did not change (an unpacked copy reloaded) or is unknown', () => {
    expect(installAction({ reason: 'update', previousVersion: '0.2.0' }, '0.2.0')).toEqual({ kind: 'nothing' });
    expect(installAction({ reason: 'update' }, '0.2.0')).toEqual({ kind: 'nothing' });
  });

  it('ignores the browser’s own updates', () => {
    expect(installAction({ reason: 'chrome_update', previousVersion: '0.1.0' }, '0.2.0')).toEqual({ kind: 'nothing' });
    expect(installAction({ reason: 'browser_update' }, '0.2.0')).toEqual({ kind: 'nothing' });
    expect(installAction({ reason: 'shared_module_update' }, '0.2.0')).toEqual({ kind: 'nothing' });
  });
});
