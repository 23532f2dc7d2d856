import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../src-shared/i18n/format';
import { syncUiMessages } from '../../../src-renderer/i18n/syncUi';
import { defaultDeviceName, osName } from '../../../src-renderer/platform/deviceName';

const zh = (key: string, params: Record<string, string>) => formatMessage(syncUiMessages['zh-CN'], key, params);
const en = (key: string, params: Record<string, string>) => formatMessage(syncUiMessages.en, key, params);

describe('device name', () => {
  it('names the operating system as people call it, from the browser or from Node', () => {
    expect(['Win32', 'win32', 'MacIntel', 'darwin', 'Linux x86_64', 'linux', 'X11', 'CrOS x86_64', 'FreeBSD amd64', ''].map(osName))
      .toEqual(['Windows', 'Windows', 'macOS', 'macOS', 'Linux', 'Linux', 'Linux', 'ChromeOS', 'FreeBSD amd64', '']);
  });
  it('is the user\'s computer, with the host name where the app knows it (Electron)', () => {
    expect(defaultDeviceName(zh, { owner: '王检查', platform: 'win32', hostName: 'DESKTOP-7F3K2L' })).toBe('王检查的电脑（Windows · DESKTOP-7F3K2L）');
    expect(defaultDeviceName(zh, { owner: '王检查', platform: 'Linux x86_64', hostName: null })).toBe('王检查的电脑（Linux）');
    expect(defaultDeviceName(en, { owner: 'Wang', platform: 'MacIntel', hostName: null })).toBe("Wang's computer (macOS)");
  });
  it('says "this computer" before anyone made a profile, and never leaves the system blank', () => {
    expect(defaultDeviceName(zh, { owner: null, platform: 'Linux x86_64', hostName: null })).toBe('本机电脑（Linux）');
    expect(defaultDeviceName(zh, { owner: '  ', platform: '', hostName: null })).toBe('本机电脑（未知系统）');
  });
  it('fits the hub\'s 100 characters', () => {
    expect(defaultDeviceName(zh, { owner: '王'.repeat(120), platform: 'win32', hostName: null })).toHaveLength(100);
  });
});
