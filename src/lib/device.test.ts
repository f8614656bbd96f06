import { afterEach, describe, expect, it } from 'vitest';
import { deviceLabel } from './device';
import { loadLocale } from './i18n';

describe('deviceLabel', () => {
  afterEach(async () => loadLocale('en'));

  it('says the proxy’s device names in French, and leaves other names as they are', async () => {
    await loadLocale('fr');
    expect(deviceLabel('Chrome on Linux')).toBe('Chrome sous Linux');
    expect(deviceLabel('Safari on iOS')).toBe('Safari sous iOS');
    expect(deviceLabel('Unknown device')).toBe('Appareil inconnu');
    // Not composed by the proxy: a script's product name, or words it does not know.
    expect(deviceLabel('curl')).toBe('curl');
    expect(deviceLabel('Lynx on Linux')).toBe('Lynx on Linux');
    expect(deviceLabel('Chrome on Linux on Mars')).toBe('Chrome on Linux on Mars');
  });

  it('keeps them in English in English', async () => {
    await loadLocale('en');
    expect(deviceLabel('Firefox on Windows')).toBe('Firefox on Windows');
    expect(deviceLabel('Unknown device')).toBe('Unknown device');
  });
});
