import { ErrorAlert } from './ErrorAlert';

/** Above a form: why the server refused it, when no field error says it. */
export function FormErrorAlert({ title, message }: { title: string; message: string | undefined }) {
  return message ? <ErrorAlert title={title}>{message}</ErrorAlert> : null;
}
