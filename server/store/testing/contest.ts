import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StoreOptions } from '../store';
import type { Contest } from './contender';

const CONTENDER = fileURLToPath(new URL('./contender.ts', import.meta.url));

/** Runs one contest in `processes` processes at once (each its own replica) and gives each one's outcomes. */
export async function contestAcrossProcesses<T>(
  options: StoreOptions,
  contest: Contest,
  processes: number,
): Promise<T[][]> {
  const children = Array.from({ length: processes }, () =>
    spawn(process.execPath, ['--import', 'tsx', CONTENDER, JSON.stringify([options, contest])], {
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const outputs = children.map((child) => {
    let text = '';
    child.stdout.setEncoding('utf8');
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        text += chunk;
        if (text.startsWith('ready\n')) resolve();
      });
      child.once('exit', () =>
        reject(new Error(`a contender exited before it was ready: ${text}`)),
      );
    });
    const done = new Promise<T[]>((resolve, reject) => {
      child.once('exit', (code) => {
        if (code !== 0) return reject(new Error(`a contender exited with ${code}: ${text}`));
        resolve(JSON.parse(text.slice('ready\n'.length)) as T[]);
      });
    });
    return { ready, done };
  });
  try {
    await Promise.all(outputs.map((output) => output.ready));
  } catch (error) {
    for (const child of children) child.kill();
    throw error;
  }
  for (const child of children) child.stdin.end('go\n');
  return Promise.all(outputs.map((output) => output.done));
}
