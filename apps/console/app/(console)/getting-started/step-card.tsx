import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import type { FieldErrors } from '@/ui/action-result';

/** One wizard step: title, the refusal summary (with errors no field shows), fields, buttons. */
export function StepCard({
  number,
  title,
  description,
  message,
  errors,
  placed,
  footer,
  children,
}: {
  number: number;
  title: string;
  description: string;
  message: string | null;
  errors: FieldErrors;
  placed: string[];
  footer: ReactNode;
  children: ReactNode;
}) {
  // Errors for fields this step does not show (e.g. the whole configuration) are listed too.
  const others = Object.entries(errors).filter(
    ([path]) =>
      !placed.some(
        (field) => path === field || path.startsWith(`${field}[`) || path.startsWith(`${field}.`),
      ),
  );
  return (
    <Card>
      <CardHeader title={`Step ${number} of 4 · ${title}`} description={description} />
      <CardBody className="py-6">
        {message && (
          <Alert tone="error" className="mb-5" title={message}>
            {others.length > 0 && (
              <ul className="list-disc pl-5">
                {others.map(([path, text]) => (
                  <li key={path}>
                    {path}: {text}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
        {children}
      </CardBody>
      <CardFooter>{footer}</CardFooter>
    </Card>
  );
}
