import type { components } from '../../openapi/backoffice';
import { isProductionFintectureHost } from './config';
import { isFintectureHost } from './flavor';

export type ServerEnvironment = components['schemas']['ServerEnvironment'];

/**
 * Which upstream the dashboard talks to, for its environment banner: the one
 * mistake an agent must never make is to take production for a sandbox. Only
 * the kind, an English label and the host: never a secret, an app id or a path.
 */
export function serverEnvironment(baseUrl: string, embeddedSandbox: boolean): ServerEnvironment {
  if (embeddedSandbox) return { kind: 'emulated', label: 'Sandbox (emulated, demo data)' };
  // URL.host: no user or password, no path, no query.
  const host = new URL(baseUrl).host;
  if (isProductionFintectureHost(baseUrl)) return { kind: 'production', label: 'Production', host };
  if (isFintectureHost(baseUrl))
    return { kind: 'fintecture_sandbox', label: 'Fintecture sandbox', host };
  return { kind: 'other', label: `Custom API (${host})`, host };
}
