/**
 * `npm run check:upstream`: is the Fintecture API the proxy is configured for
 * usable? Reads the proxy's own variables (FINTECTURE_API_URL, FINTECTURE_APP_ID,
 * FINTECTURE_APP_SECRET, FINTECTURE_PRIVATE_KEY_FILE, FINTECTURE_API_FLAVOR),
 * obtains a token, makes one signed read, and says in one line which step
 * failed (server/proxy/upstreamCheck.ts). With FINTECTURE_API_URL unset, it
 * checks an embedded sandbox of its own (in memory), as `npm start` would run
 * one. Exit code 0 only when the check is OK.
 */
import { startEmbeddedSandbox } from '../server/embeddedSandbox';
import { proxyConfigFromEnv } from '../server/proxy/config';
import type { UpstreamConfig } from '../server/proxy/upstream';
import { checkUpstream } from '../server/proxy/upstreamCheck';
import { ConfigError } from '../server/shared/env';

const env = process.env;
let closeSandbox: () => Promise<unknown> = async () => {};
try {
  // The session secret is no business of the check: one stands in when none is set.
  const config = proxyConfigFromEnv({ SESSION_SECRET: 'x'.repeat(48), ...env });
  let upstream: UpstreamConfig;
  if (config.proxy.upstream) {
    upstream = config.proxy.upstream;
    console.log(
      `Checking ${config.upstreamUrl} (flavour ${upstream.flavor ?? 'seed'}, ${upstream.privateKey ? 'signed' : 'unsigned'})…`,
    );
  } else {
    const sandbox = await startEmbeddedSandbox(env, {
      dataDir: config.dataDir,
      apiFlavor: config.apiFlavor,
      inMemory: true,
    });
    closeSandbox = sandbox.close;
    upstream = sandbox.upstream;
    console.log(
      `FINTECTURE_API_URL is not set: checking an embedded sandbox on ${sandbox.address} (flavour ${sandbox.flavor}), as \`npm start\` would run one.`,
    );
  }
  const result = await checkUpstream(upstream);
  console.log(result.message);
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`check:upstream: ${error.message}`);
  process.exitCode = 1;
} finally {
  await closeSandbox();
}
