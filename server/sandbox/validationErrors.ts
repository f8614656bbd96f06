import { PATTERN_MESSAGE } from '../shared/contract';
import type { FieldError } from './errors';

/** The parts of an Ajv error this reads (Fastify passes Ajv's errors through). */
export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  /** With Ajv's `verbose`: the schema of the value at fault. */
  parentSchema?: Record<string, unknown>;
}

/**
 * The contract states each pattern as a regular expression; an agent needs the
 * shape in words, under the field: the contract's `x-pattern-message`, else its
 * description of the field.
 */
function patternMessage(field: string, schema: Record<string, unknown> | undefined): string {
  const inWords = schema?.[PATTERN_MESSAGE];
  if (typeof inWords === 'string') return inWords;
  const sentence = `${field} is not in the expected format.`;
  const description = schema?.description;
  return typeof description === 'string' ? `${sentence} ${description.trim()}` : sentence;
}

/** Turns Ajv's schema errors into one field error per problem, worded for people. */
export function fieldErrorsFromValidation(
  validation: AjvError[],
  context: string | undefined,
): FieldError[] {
  return validation.map((error) => {
    const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.').replace(/~1/g, '/');
    const field =
      error.keyword === 'required'
        ? [path, String(error.params.missingProperty)].filter(Boolean).join('.')
        : path;
    if (field === '') {
      return {
        field: context === 'body' ? 'body' : (context ?? 'request'),
        code: 'invalid_body',
        message:
          context === 'body'
            ? 'The request body must be a JSON object.'
            : `The ${context ?? 'request'} is invalid.`,
      };
    }
    const limit = error.params.limit as number | undefined;
    switch (error.keyword) {
      case 'required':
        return { field, code: 'required', message: `${field} is required.` };
      case 'minLength':
        return limit === 1
          ? { field, code: 'required', message: `${field} must not be empty.` }
          : {
              field,
              code: 'too_short',
              message: `${field} must have at least ${limit} characters.`,
            };
      case 'maxLength':
        return {
          field,
          code: 'too_long',
          message: `${field} must have at most ${limit} characters.`,
        };
      case 'format':
        return error.params.format === 'email'
          ? { field, code: 'invalid_format', message: `${field} must be a valid email address.` }
          : {
              field,
              code: 'invalid_format',
              message: `${field} must be a valid ${String(error.params.format)}.`,
            };
      case 'pattern':
        return {
          field,
          code: 'invalid_format',
          message: patternMessage(field, error.parentSchema),
        };
      case 'type':
        return error.params.type === 'integer'
          ? { field, code: 'invalid_type', message: `${field} must be a whole number.` }
          : {
              field,
              code: 'invalid_type',
              message: `${field} must be a ${String(error.params.type)}.`,
            };
      case 'minimum':
        return { field, code: 'out_of_range', message: `${field} must be at least ${limit}.` };
      case 'maximum':
        return { field, code: 'out_of_range', message: `${field} must be at most ${limit}.` };
      case 'enum':
        return {
          field,
          code: 'invalid_value',
          message: `${field} must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}.`,
        };
      default:
        return { field, code: 'invalid', message: `${field} ${error.message ?? 'is invalid'}.` };
    }
  });
}
