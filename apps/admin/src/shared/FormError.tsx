import { Alert, type AlertProps } from '@mantine/core';

/** A form's error that belongs to no input (`form.errors._`: a refused request, a rule across fields); nothing when there is none. */
export function FormError({ message, ...props }: { message: unknown } & Omit<AlertProps, 'children' | 'color'>) {
  if (!message) return null;
  return (
    <Alert color="red" {...props}>
      {String(message)}
    </Alert>
  );
}
