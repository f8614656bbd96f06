import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { PATTERN_MESSAGE } from '../shared/contract';
import { fieldErrorsFromValidation } from './validationErrors';

/** Ajv's errors for `value`, with `verbose` as the sandbox validates. */
function ajvErrors(schema: object, value: unknown) {
  const ajv = new Ajv({ allErrors: true, verbose: true });
  ajv.addKeyword(PATTERN_MESSAGE);
  const validate = ajv.compile(schema);
  expect(validate(value)).toBe(false);
  return validate.errors!;
}

describe('field errors from a pattern the value does not match', () => {
  it("say the pattern in the contract's words (x-pattern-message), with the code invalid_format", () => {
    const phone = {
      type: 'string',
      pattern: '^[0-9]{6,}$',
      description: 'International format preferred.',
      [PATTERN_MESSAGE]: 'A phone number has at least six digits.',
    };
    const errors = ajvErrors({ type: 'object', properties: { phone } }, { phone: 'call me' });
    expect(fieldErrorsFromValidation(errors, 'body')).toEqual([
      {
        field: 'phone',
        code: 'invalid_format',
        message: 'A phone number has at least six digits.',
      },
    ]);
  });

  it("fall back on the contract's description of a field the contract gives no sentence for", () => {
    const reference = {
      type: 'string',
      pattern: '^[A-Z]{3}-[0-9]+$',
      description: 'Three capitals, a dash and digits, e.g. ABC-12.',
    };
    const errors = ajvErrors({ type: 'object', properties: { reference } }, { reference: 'abc' });
    expect(fieldErrorsFromValidation(errors, 'body')).toEqual([
      {
        field: 'reference',
        code: 'invalid_format',
        message:
          'reference is not in the expected format. Three capitals, a dash and digits, e.g. ABC-12.',
      },
    ]);
  });
});
