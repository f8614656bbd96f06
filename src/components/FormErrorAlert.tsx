import { Text } from '@mantine/core';
import { ErrorAlert } from './ErrorAlert';
import { ErrorReference } from './ErrorReference';
import type { FormError } from './formErrors';

/** Above a form: why the server refused it, when no field error says it, and its reference. */
export function FormErrorAlert({ title, error }: { title: string; error: FormError | undefined }) {
  return error ? (
    <ErrorAlert title={title}>
      <Text size="sm">{error.message}</Text>
      <ErrorReference reference={error.reference} />
    </ErrorAlert>
  ) : null;
}
