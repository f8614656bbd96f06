import { t } from './i18n';

const BROWSERS = ['Edge', 'Opera', 'Firefox', 'Chrome', 'Safari'];
const SYSTEMS = ['iOS', 'Android', 'Windows', 'macOS', 'ChromeOS', 'Linux'];

/**
 * A session's device in the language in use. The proxy names it in English
 * from the User-Agent ("Chrome on Linux", see describeDevice in
 * server/proxy/sessions.ts); a name it did not compose (a script's product
 * name) is shown as it is.
 */
export function deviceLabel(device: string): string {
  if (device === 'Unknown device') return t('Unknown device');
  const [browser, system, ...rest] = device.split(' on ');
  if (
    rest.length === 0 &&
    browser &&
    system &&
    BROWSERS.includes(browser) &&
    SYSTEMS.includes(system)
  )
    return t('{browser} on {system}', { browser, system });
  return device;
}
