import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError, errorMessage } from '../api/errors';

/**
 * Puts the server's field errors under their fields; returns the message to
 * show above the form when the error is not about a field of this form.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly string[],
  setError: UseFormSetError<T>,
): string | undefined {
  if (!(error instanceof ApiError)) return errorMessage(error);
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
  return placed > 0 && placed === error.fieldErrors.length ? undefined : error.message;
}
