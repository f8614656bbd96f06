import type { FastifyRequest } from 'fastify';
import type { StoredAnswer } from './idempotency';
import type { SessionUser } from './sessions';

/** One line per create: who, what, the resulting id, the outcome; IBANs only by their last four. */
export function auditCreate(
  request: FastifyRequest,
  agent: SessionUser,
  operationId: string,
  params: Record<string, string>,
  answer: StoredAnswer,
) {
  let created: { id?: unknown } | undefined;
  try {
    created =
      answer.status < 300
        ? (JSON.parse(answer.body.toString('utf8')) as { id?: unknown })
        : undefined;
  } catch {
    // Malformed: the line still says who tried what and how it ended.
  }
  const sent = request.body as { iban?: unknown } | null | undefined;
  const iban = typeof sent?.iban === 'string' ? sent.iban.replace(/\s+/g, '') : undefined;
  request.log.info(
    {
      audit: {
        event: 'create',
        operation: operationId,
        agent: agent.username,
        role: agent.role,
        customer_id: params.customer_id,
        resource_id: typeof created?.id === 'string' ? created.id : undefined,
        iban: iban ? `****${iban.slice(-4)}` : undefined,
        status: answer.status,
        outcome: answer.status < 300 ? 'created' : answer.status < 500 ? 'refused' : 'failed',
      },
    },
    'audit',
  );
}
