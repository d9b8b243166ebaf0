import { Alert } from '../ui/alert';
import type { FieldErrors } from '@/ui/action-result';

/** The refusal's summary, plus any error no field on the form shows (so none is lost). */
export function FormMessage({
  message,
  errors,
  placed,
}: {
  message: string | null;
  errors: FieldErrors;
  placed: (path: string) => boolean;
}) {
  if (!message) return null;
  const others = Object.entries(errors).filter(([path]) => !placed(path));
  return (
    <Alert tone="error" title={message} className="mb-4">
      {others.length > 0 && (
        <ul className="list-disc pl-5">
          {others.map(([path, text]) => (
            <li key={path}>
              {path ? `${path}: ` : ''}
              {text}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
