/**
 * `npm run check:upstream`: is the Fintecture API the proxy is configured for
 * usable? Reads the proxy's own variables (FINTECTURE_API_URL, FINTECTURE_APP_ID,
 * FINTECTURE_APP_SECRET, FINTECTURE_PRIVATE_KEY_FILE, FINTECTURE_API_FLAVOR),
 * obtains a token, makes one signed read, and says in one line which step
 * failed (server/proxy/upstreamCheck.ts). With FINTECTURE_API_URL unset, it
 * checks an embedded sandbox of its own (in memory), as `npm start` would run
 * one. Exit code 0 only when the check is OK.
 */
import { proxyConfigFromEnv } from '../server/proxy/config';
import { embeddedSandboxFlavor } from '../server/proxy/flavor';
import type { UpstreamConfig } from '../server/proxy/upstream';
import { checkUpstream } from '../server/proxy/upstreamCheck';
import { buildApp as buildSandbox } from '../server/sandbox/app';
import { sandboxConfigFromEnv } from '../server/sandbox/config';
import { ConfigError, privateKeyFileVar } from '../server/shared/env';

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
    const sandboxConfig = sandboxConfigFromEnv({
      ...env,
      SANDBOX_DB: ':memory:',
      SANDBOX_SEED: '1',
    });
    const sandbox = await buildSandbox({ ...sandboxConfig, logger: false });
    closeSandbox = () => sandbox.close();
    const address = await sandbox.listen({ host: '127.0.0.1', port: 0 });
    const privateKey = privateKeyFileVar(env, 'FINTECTURE_PRIVATE_KEY_FILE');
    upstream = {
      baseUrl: address,
      appId: sandbox.sandbox.appId,
      appSecret: sandbox.sandbox.appSecret,
      flavor: embeddedSandboxFlavor([sandbox.sandbox, sandboxConfig], env),
      ...(privateKey ? { privateKey } : {}),
    };
    console.log(
      `FINTECTURE_API_URL is not set: checking an embedded sandbox on ${address} (flavour ${upstream.flavor}), as \`npm start\` would run one.`,
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
