import type { FastifyReply } from 'fastify';
import { presentIbans } from './ibans';
import type { StoredAnswer } from './idempotency';
import { problem } from './problem';
import type { Role } from './users';

/** Who reads the answer, of which operation: what decides whether its IBANs go whole (ibans.ts). */
export interface AnswerReader {
  role: Role;
  operationId: string;
}

/**
 * Passes the upstream's answer on: its status and JSON, nothing of its headers
 * but the useful ones, and its IBANs as `reader` may see them (masked unless
 * ibans.ts says otherwise).
 */
export function sendUpstreamAnswer(
  reply: FastifyReply,
  answer: StoredAnswer & { retryAfter?: string | undefined },
  reader: AnswerReader,
) {
  // A 401 here is the API refusing the proxy (token or signature), not the agent's session.
  if (answer.status === 401) {
    return problem(
      reply,
      502,
      'upstream_refused_credentials',
      "The Fintecture API refused the dashboard server's token or signature; check its configuration.",
    );
  }
  const json = (answer.contentType ?? '').includes('json');
  if (!json && (answer.body.length > 0 || answer.status >= 300)) {
    return problem(
      reply,
      502,
      'upstream_malformed',
      `The Fintecture API answered HTTP ${answer.status} without JSON.`,
    );
  }
  // Cut off (caught without parsing), or unreadable where its IBANs had to be read.
  const presented = json
    ? presentIbans(answer, reader.role, reader.operationId)
    : ({ kind: 'as_is' } as const);
  if (json && (!looksComplete(answer.body) || presented.kind === 'unreadable')) {
    return problem(
      reply,
      502,
      'upstream_malformed',
      'The Fintecture API answered with malformed JSON; retry shortly.',
    );
  }
  reply
    .code(answer.status)
    .header('cache-control', 'no-store')
    .header('content-type', 'application/json; charset=utf-8');
  if (answer.retryAfter !== undefined) reply.header('retry-after', answer.retryAfter);
  return reply.send(presented.kind === 'rewritten' ? presented.body : answer.body);
}

/**
 * A cut-off answer (the usual way JSON arrives broken) is caught here without
 * parsing every answer: an object or array must close with the bracket it opened
 * with. Parsing each body cost about a sixth of the proxy's CPU per request; the
 * dashboard still parses, and reports anything subtler as a malformed answer.
 */
function looksComplete(body: Buffer): boolean {
  let start = 0;
  let end = body.length - 1;
  while (start <= end && isJsonSpace(body[start]!)) start += 1;
  while (end >= start && isJsonSpace(body[end]!)) end -= 1;
  if (start > end) return false;
  const open = body[start];
  const close = body[end];
  return (open === 0x7b && close === 0x7d) || (open === 0x5b && close === 0x5d);
}

function isJsonSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}
