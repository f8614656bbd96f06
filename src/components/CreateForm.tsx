import { Button, Group, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { FormErrorAlert } from './FormErrorAlert';
import type { FormError } from './formErrors';
import { t } from '../lib/i18n';

/**
 * A create form's frame around its fields: the server's refusal above them,
 * Cancel and the submit button below. `state` is what useCreateForm returns.
 */
export function CreateForm({
  state: { onSubmit, pending, formError },
  errorTitle,
  submitLabel,
  cancel,
  children: fields,
}: {
  state: {
    onSubmit: (event: FormEvent) => void;
    pending: boolean;
    formError: FormError | undefined;
  };
  /** Above the server's reason, when it refused the form as a whole. */
  errorTitle: string;
  submitLabel: string;
  /** Cancel leaves the page (a link), or closes the dialog the form is in. */
  cancel: { to: string } | { onClick: () => void };
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <FormErrorAlert title={errorTitle} error={formError} />
        {fields}
        <Group justify="flex-end">
          {'to' in cancel ? (
            <Button variant="default" component={Link} to={cancel.to}>
              {t('Cancel')}
            </Button>
          ) : (
            <Button variant="default" onClick={cancel.onClick}>
              {t('Cancel')}
            </Button>
          )}
          <Button type="submit" loading={pending} disabled={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
