import {
  Alert,
  Anchor,
  Breadcrumbs,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCopy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { flushSync } from 'react-dom';
import { Link, useNavigate } from 'react-router';
import {
  customerCreateFromForm,
  customerFormSchema,
  useCreateCustomer,
  type CustomerForm,
} from '../api/createCustomer';
import { duplicatesQuery, type Duplicate } from '../api/customerIndex';
import { customerByExternalIdQuery, fullName } from '../api/customers';
import { useDocumentTitle } from '../lib/environment';
import { CreateForm } from '../components/CreateForm';
import { LeaveGuard } from '../components/LeaveGuard';
import type { StepArrival } from '../components/onboardingFlow';
import { useCreateForm } from '../components/useCreateForm';
import { t } from '../lib/i18n';

/** Only a whole address is worth asking about; the index matches it whole. */
const looksLikeEmail = (email: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email);

/**
 * Customers the index already has with the email being typed (asked once the
 * typing pauses). It warns only: the Customers API decides.
 */
function useEmailDuplicates(control: Control<CustomerForm>): Duplicate[] {
  const email = useWatch({ control, name: 'email' }) ?? '';
  // A string, not an object: a new object each render would restart the wait forever.
  const [asked] = useDebouncedValue(looksLikeEmail(email.trim()) ? email.trim() : '', 300);
  return useQuery(duplicatesQuery(asked, '')).data?.data ?? [];
}

/**
 * The customer that already has the external ID, asked of the Customers API
 * when the field is left with a value it accepts (never while typing). The
 * answer shows while the field still holds that value.
 */
function useExternalIdCheck(control: Control<CustomerForm>) {
  const [asked, setAsked] = useState('');
  const current = (useWatch({ control, name: 'external_id' }) ?? '').trim();
  const lookup = useQuery(customerByExternalIdQuery(asked));
  const check = (value: string) => {
    const externalId = value.trim();
    const valid =
      externalId !== '' && customerFormSchema.shape.external_id.safeParse(value).success;
    setAsked(valid ? externalId : '');
  };
  const shown = asked !== '' && asked === current;
  return {
    check,
    owner: shown ? (lookup.data ?? undefined) : undefined,
    failed: shown && lookup.isError,
  };
}

function ExternalIdNote({ check }: { check: ReturnType<typeof useExternalIdCheck> }) {
  if (check.owner)
    return (
      <Alert
        color="yellow"
        variant="light"
        icon={<IconCopy size={16} aria-hidden />}
        p="xs"
        styles={{ message: { color: 'var(--mantine-color-text)' } }}
      >
        <Text size="sm">
          {t('Already used by {name}', { name: fullName(check.owner) || check.owner.id })}
          {check.owner.company_name ? ` (${check.owner.company_name})` : ''} —{' '}
          <Anchor
            component={Link}
            to={`/customers/${encodeURIComponent(check.owner.id!)}`}
            underline="always"
          >
            {t('open')}
          </Anchor>
          {t('. The Customers API decides when you create this one.')}
        </Text>
      </Alert>
    );
  if (check.failed)
    return (
      <Text size="xs" c="dimmed">
        {t('Could not check whether another customer has this external ID.')}
      </Text>
    );
  return null;
}

function DuplicateWarning({ duplicates }: { duplicates: Duplicate[] }) {
  const [first] = duplicates;
  if (!first) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconCopy size={16} aria-hidden />}
      title={t('A customer with this email already exists')}
      p="xs"
      // Yellow words on the yellow tint fail WCAG AA; the tint and the icon say "warning".
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <Text size="sm">
        {duplicates.map((duplicate, i) => (
          <span key={duplicate.customer.id}>
            {i > 0 && ', '}
            <Anchor
              component={Link}
              to={`/customers/${encodeURIComponent(duplicate.customer.id)}`}
              underline="always"
              // On the dark yellow tint the link colour fails AA: there the underline marks the link.
              c="light-dark(var(--mantine-color-anchor), var(--mantine-color-text))"
            >
              {fullName(duplicate.customer)}
            </Anchor>
            {duplicate.customer.company_name ? ` (${duplicate.customer.company_name})` : ''}
          </span>
        ))}
        {t('. You can still create this one if it is someone else.')}
      </Text>
    </Alert>
  );
}

export function CustomerNewPage() {
  useDocumentTitle(t('New customer'));
  const navigate = useNavigate();
  const create = useCreateCustomer();
  const [saved, setSaved] = useState(false);
  const createForm = useCreateForm({
    schema: customerFormSchema,
    defaultValues: {
      first_name: '',
      last_name: '',
      email: '',
      company_name: '',
      phone: '',
      external_id: '',
    },
    mutation: create,
    toBody: customerCreateFromForm,
    notice: (customer) => ({
      color: 'teal',
      title: t('Customer created'),
      message: t('{name} was added.', { name: fullName(customer) }),
    }),
    onCreated: (customer) => {
      // The guard must see the form as saved before the navigation it would otherwise stop.
      flushSync(() => setSaved(true));
      // Where the next step is: its action (add a bank account) takes the focus.
      void navigate(`/customers/${customer.id}`, {
        replace: true,
        state: { focusNextStep: true } satisfies StepArrival,
      });
    },
  });
  const { form, field, pending } = createForm;
  const { isDirty } = form.formState;
  const emailDuplicates = useEmailDuplicates(form.control);
  const externalIdCheck = useExternalIdCheck(form.control);
  const externalIdField = field('external_id');

  return (
    <Stack gap="md" maw={760}>
      <Breadcrumbs>
        <Anchor component={Link} to="/customers">
          {t('Customers')}
        </Anchor>
        <span>{t('New customer')}</span>
      </Breadcrumbs>
      <Title order={1} size="h2">
        {t('New customer')}
      </Title>
      <Paper withBorder p="lg" radius="md">
        <CreateForm
          state={createForm}
          errorTitle={t('The customer was not created')}
          submitLabel={t('Create customer')}
          cancel={{ to: '/customers' }}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('First name')}
              required
              autoComplete="off"
              autoFocus
              {...field('first_name')}
            />
            <TextInput label={t('Last name')} required autoComplete="off" {...field('last_name')} />
          </SimpleGrid>
          <TextInput
            label={t('Email')}
            type="email"
            required
            autoComplete="off"
            {...field('email')}
          />
          <div role="status">
            <DuplicateWarning duplicates={emailDuplicates} />
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('Company')} autoComplete="off" {...field('company_name')} />
            <TextInput
              label={t('Phone')}
              type="tel"
              autoComplete="off"
              placeholder="+33 6 12 34 56 78"
              {...field('phone')}
            />
          </SimpleGrid>
          <TextInput
            label={t('External ID')}
            description={t("The merchant's own reference; unique among customers")}
            autoComplete="off"
            {...externalIdField}
            onBlur={(event) => {
              void externalIdField.onBlur(event);
              externalIdCheck.check(event.currentTarget.value);
            }}
          />
          <div role="status">
            <ExternalIdNote check={externalIdCheck} />
          </div>
        </CreateForm>
      </Paper>
      <LeaveGuard when={isDirty && !saved && !pending} />
    </Stack>
  );
}
