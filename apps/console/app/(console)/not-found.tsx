import { LinkButton } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function NotFound() {
  return (
    <EmptyState
      title="Not found"
      description="It may have been deleted, or it belongs to another organization."
      action={<LinkButton href="/">Back to the dashboard</LinkButton>}
    />
  );
}
