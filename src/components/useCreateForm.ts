import { zodResolver } from '@hookform/resolvers/zod';
import { notifications, type NotificationData } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { use, useEffect, useState, type FormEvent } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
} from 'react-hook-form';
import type { z } from 'zod';
import type { CreateVariables } from '../api/createMutation';
import { applyServerErrors, type FormError } from './formErrors';
import { DialogInputContext } from './onboardingFlow';
import { useIdempotencyKey } from './useIdempotencyKey';

interface CreateFormOptions<Form extends FieldValues, Body, Created> {
  schema: z.ZodType<Form, Form>;
  defaultValues: Form;
  /** A create mutation that sends its body with an Idempotency-Key. */
  mutation: UseMutationResult<Created, Error, CreateVariables<Body>>;
  toBody: (values: Form) => Body;
  /** What the agent is told once the record exists. */
  notice: (created: Created, values: Form) => NotificationData;
  onCreated: (created: Created, values: Form) => void;
}

/**
 * A create form: validation as the agent types, one Idempotency-Key per attempt
 * (a double submit makes one record), the server's field errors under their
 * fields and its other refusals above the form, a notification on success.
 */
export function useCreateForm<Form extends FieldValues, Body, Created>({
  schema,
  defaultValues,
  mutation,
  toBody,
  notice,
  onCreated,
}: CreateFormOptions<Form, Body, Created>) {
  const idempotencyKey = useIdempotencyKey();
  const [formError, setFormError] = useState<FormError>();
  const form = useForm<Form>({
    resolver: zodResolver(schema) as Resolver<Form>,
    mode: 'onTouched',
    reValidateMode: 'onChange',
    defaultValues: defaultValues as DefaultValues<Form>,
  });
  // In a dialog, closing it with typed input asks first.
  const dialog = use(DialogInputContext);
  const { isDirty } = form.formState;
  useEffect(() => {
    dialog?.report(isDirty);
  }, [dialog, isDirty]);
  useEffect(() => {
    if (!dialog) return;
    // Read live from the form's own state, not from the last render.
    dialog.check(() =>
      Object.keys(form.getValues()).some((name) => form.getFieldState(name as Path<Form>).isDirty),
    );
    return () => dialog.check(null);
  }, [dialog, form]);
  const submit = form.handleSubmit((values) => {
    setFormError(undefined);
    mutation.mutate(
      { body: toBody(values), idempotencyKey: idempotencyKey.current() },
      {
        onSuccess: (created) => {
          // Saved: nothing typed is left to lose (a dialog that stays open, showing a link, asks nothing).
          form.reset(values);
          notifications.show(notice(created, values));
          onCreated(created, values);
        },
        onError: (error) =>
          setFormError(applyServerErrors(error, Object.keys(defaultValues), form.setError)),
        onSettled: idempotencyKey.settle,
      },
    );
  });
  /** A text input's props: registered, with its error (the agent's or the server's) under it. */
  const field = (name: Path<Form>) => ({
    ...form.register(name),
    error: form.getFieldState(name, form.formState).error?.message,
  });
  return {
    form,
    field,
    formError,
    pending: mutation.isPending,
    onSubmit: (event: FormEvent) => void submit(event),
  };
}
