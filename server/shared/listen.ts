import { ConfigError } from './env';

/** Listens, or says in one line why it cannot (a port in use or not allowed), as a ConfigError. */
export async function listenOrSay(
  app: {
    listen(options: { port: number; host: string }): Promise<string>;
    close(): Promise<unknown>;
  },
  host: string,
  port: number,
  portVariable = 'PORT (and HOST)',
): Promise<string> {
  try {
    return await app.listen({ port, host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES' && code !== 'EADDRNOTAVAIL') throw error;
    await app.close().catch(() => undefined);
    const why = {
      EADDRINUSE: 'the port is in use (another server runs there)',
      EACCES: 'the port is not allowed to this user',
      EADDRNOTAVAIL: 'the address is not one of this machine',
    }[code];
    throw new ConfigError(
      `cannot listen on ${host}:${port}: ${why}; set ${portVariable} to another`,
    );
  }
}
