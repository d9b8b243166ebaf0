import { ShieldIcon } from '../ui/icons';

export function Brand() {
  return (
    <span className="flex items-center gap-2 text-base font-semibold tracking-tight text-slate-900">
      <span className="flex size-8 items-center justify-center rounded-lg bg-brand-600 text-white">
        <ShieldIcon />
      </span>
      Gatehouse
    </span>
  );
}
