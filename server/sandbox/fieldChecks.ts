import type { FastifyRequest } from 'fastify';
import type { Checked } from './bankDetails';
import { validationFailed, type FieldError } from './errors';
import { fieldErrorsFromValidation, type AjvError } from './validationErrors';

type FieldCheck = (value: string) => Checked<string>;

/**
 * Route options for a body the contract's schema cannot judge alone (an IBAN's
 * checksum, a BIC's shape). The schema's errors are attached instead of thrown,
 * the checks then run on the fields the schema found no fault with, and one 400
 * names every field at fault. A value that passes replaces the one sent (an IBAN
 * without its spaces).
 */
export function withFieldChecks<Body>(checks: { [Field in keyof Body & string]?: FieldCheck }) {
  return {
    attachValidation: true,
    preHandler: async (request: FastifyRequest): Promise<void> => {
      const schemaError = request.validationError;
      const body = request.body;
      const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
      // A path at fault, or a body that is no object: there are no fields to check.
      if (schemaError && (schemaError.validationContext !== 'body' || !isObject)) {
        throw schemaError;
      }
      if (!isObject) return;
      const errors: FieldError[] = schemaError
        ? fieldErrorsFromValidation(schemaError.validation as AjvError[], 'body')
        : [];
      const atFault = new Set(errors.map((error) => error.field));
      const fields = body as Record<string, unknown>;
      for (const [field, check] of Object.entries<FieldCheck | undefined>(checks)) {
        const value = fields[field];
        if (!check || typeof value !== 'string' || atFault.has(field)) continue;
        const checked = check(value);
        if (checked.ok) fields[field] = checked.value;
        else errors.push({ field, ...checked.problem });
      }
      if (errors.length > 0) throw validationFailed(errors);
    },
  };
}
