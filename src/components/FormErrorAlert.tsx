import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/** Above a form: why the server refused it, when no field error says it. */
export function FormErrorAlert({ title, message }: { title: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={title}
      role="alert"
    >
      {message}
    </Alert>
  );
}
