import type { FastifyRequest } from 'fastify';

interface ObjectRules {
  properties: Record<string, unknown>;
}

/**
 * A preValidation hook for JSON bodies, given the body's rules from
 * `openapi/rules.ts`: keeps only the fields the contract declares, trims what
 * people type, and drops the optional fields listed when they are left blank.
 * The contract's limits and patterns then judge the value that is kept, and a
 * blank optional field means "none" rather than a wrong format.
 */
export function tidyBody<Rules extends ObjectRules>(
  rules: Rules,
  blankMeansAbsent: readonly (keyof Rules['properties'] & string)[],
) {
  const declared = new Set(Object.keys(rules.properties));
  const optional = new Set<string>(blankMeansAbsent);
  return async (request: FastifyRequest): Promise<void> => {
    const body = request.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return;
    const fields = body as Record<string, unknown>;
    for (const [field, value] of Object.entries(fields)) {
      const text = typeof value === 'string' ? value.trim() : value;
      if (!declared.has(field) || (text === '' && optional.has(field))) delete fields[field];
      else fields[field] = text;
    }
  };
}
