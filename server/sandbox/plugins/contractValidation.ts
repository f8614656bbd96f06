import { Ajv, type Options as AjvOptions } from 'ajv';
import addFormats from 'ajv-formats';
import fp from 'fastify-plugin';
import { PATTERN_MESSAGE } from '../../shared/contract';

/**
 * Validates with the contract's own schemas. Query strings and paths are text,
 * so they are coerced ("2" is page 2); JSON bodies are not (42 is no first
 * name). All errors are reported at once, so a form can show every field at
 * fault (a route's own checks join them: see fieldChecks.ts); `verbose` keeps
 * the failing schema, whose `x-pattern-message` says a pattern in words. Bodies are small and capped at 1 MB.
 */
export const contractValidation = fp<{ schemas: Record<string, unknown>[] }>(
  async (app, { schemas }) => {
    for (const schema of schemas) app.addSchema(schema);
    const make = (options: AjvOptions) => {
      const ajv = new Ajv({ useDefaults: true, allErrors: true, verbose: true, ...options });
      addFormats(ajv);
      ajv.addKeyword(PATTERN_MESSAGE);
      for (const schema of schemas) ajv.addSchema(schema);
      return ajv;
    };
    const forBody = make({ coerceTypes: false });
    const forText = make({ coerceTypes: true });
    app.setValidatorCompiler(({ schema, httpPart }) =>
      (httpPart === 'body' ? forBody : forText).compile(schema),
    );
  },
  { name: 'sandbox-contract-validation' },
);
