import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError, errorMessage } from '../api/errors';

/** What shows above a form: why it was refused, and the reference to quote about it. */
export interface FormError {
  message: string;
  /** Fintecture's log id (else the request id): copyable, for Fintecture's support. */
  reference?: string;
}

/**
 * Puts the server's field errors under their fields; returns what to show
 * above the form when the error is not (only) about fields of this form: the
 * whole message when a field error has no field here, the words of the errors
 * about no field when every field error found its field, nothing when the
 * fields say it all.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly string[],
  setError: UseFormSetError<T>,
): FormError | undefined {
  if (!(error instanceof ApiError)) return { message: errorMessage(error) };
  let placed = 0;
  for (const fieldError of error.fieldErrors) {
    if (fields.includes(fieldError.field)) {
      setError(
        fieldError.field as Path<T>,
        { type: 'server', message: fieldError.message },
        { shouldFocus: placed === 0 },
      );
      placed += 1;
    }
  }
  const reference = error.reference;
  if (placed === 0 || placed < error.fieldErrors.length) {
    return { message: errorMessage(error), reference };
  }
  if (error.otherErrors.length > 0) return { message: error.otherErrors.join(' — '), reference };
  return undefined;
}
