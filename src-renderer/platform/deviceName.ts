// The name a device is enrolled under, as the office reads it in its device list: whose it is and which
// machine ("王检查的电脑（Windows · DESKTOP-7F3K2L）"), not the bare "Linux x86_64" of navigator.platform.
// The user can still change it before enrolling.

type Translate = (key: string, params: Record<string, string>) => string;

/**
 * The operating system's everyday name, from navigator.platform ('Win32', 'MacIntel', 'Linux x86_64')
 * or Node's process.platform ('win32', 'darwin', 'linux'); the text itself when it is neither.
 */
export function osName(platform: string): string {
  const p = platform.trim().toLowerCase();
  if (p.startsWith('win')) return 'Windows';
  if (p.startsWith('mac') || p === 'darwin') return 'macOS';
  if (p.includes('cros')) return 'ChromeOS';
  if (p.startsWith('linux') || p.includes('x11')) return 'Linux';
  return platform.trim();
}

/**
 * The suggested device name: the user's name (the local profile's, before enrollment; none when there is
 * no profile yet), the operating system and, where known (Electron), the computer's host name.
 */
export function defaultDeviceName(t: Translate, machine: { owner: string | null; platform: string; hostName: string | null }): string {
  const os = osName(machine.platform) || t('sync.enroll.unknownOs', {});
  const what = machine.hostName ? `${os} · ${machine.hostName}` : os;
  const owner = machine.owner?.trim();
  return (owner ? t('sync.enroll.defaultName', { owner, machine: what }) : t('sync.enroll.defaultNameNoOwner', { machine: what })).slice(0, 100);
}
