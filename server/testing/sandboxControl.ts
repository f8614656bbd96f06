/** The sandbox's control calls (faults, stats, recorded requests), authorised as the app. */
export function sandboxControl(sandboxUrl: string, authorization: string) {
  return (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${sandboxUrl}${path}`, {
      method,
      headers: {
        authorization,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

/** Requests per operation a sandbox has counted (its token requests included), through its control calls. */
export async function sandboxStats(sandbox: {
  control: ReturnType<typeof sandboxControl>;
}): Promise<Record<string, number>> {
  const reply = await sandbox.control('GET', '/_sandbox/stats');
  return ((await reply.json()) as { operations: Record<string, number> }).operations;
}
