import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { fieldErrorsFromValidation } from './validationErrors';

/** Ajv's errors for `value`, with `verbose` as the sandbox validates. */
function ajvErrors(schema: object, value: unknown) {
  const validate = new Ajv({ allErrors: true, verbose: true }).compile(schema);
  expect(validate(value)).toBe(false);
  return validate.errors!;
}

describe('field errors from a pattern the value does not match', () => {
  it('say the shape of a phone number in words, with the code invalid_format', () => {
    const errors = ajvErrors(
      { type: 'object', properties: { phone: { type: 'string', pattern: '^[0-9]{6,}$' } } },
      { phone: 'call me' },
    );
    expect(fieldErrorsFromValidation(errors, 'body')).toEqual([
      {
        field: 'phone',
        code: 'invalid_format',
        message: expect.stringMatching(
          /^A phone number has at least six digits.*e\.g\. \+33/,
        ) as unknown,
      },
    ]);
  });

  it("fall back on the contract's description of a field the sandbox has no sentence for", () => {
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
