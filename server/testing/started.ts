import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `npm start` in a child process (its entry file through tsx), until it prints the URL to open. */
export interface StartedServer {
  url: string;
  output: () => string;
  stop: () => Promise<number | null>;
}

export function startLikeNpmStart(
  env: Record<string, string>,
  { withinMs = 60_000 }: { withinMs?: number } = {},
): Promise<StartedServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join('server', 'start.ts')],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`npm start printed no URL within ${withinMs} ms:\n${output}`));
    }, withinMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const ready = /ready: open (http:\/\/\S+?)\/? in your browser/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({ url: ready[1]!.replace(/\/$/, ''), output: () => output, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
}

/** Every file and directory under `root` (itself included) with its permission bits. */
export function modesUnder(root: string): { path: string; dir: boolean; mode: number }[] {
  const found: { path: string; dir: boolean; mode: number }[] = [];
  const walk = (path: string) => {
    const stat = statSync(path);
    found.push({ path, dir: stat.isDirectory(), mode: stat.mode & 0o777 });
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(root);
  return found;
}
