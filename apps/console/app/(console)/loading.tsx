export default function Loading() {
  return (
    <div role="status" aria-label="Loading" className="animate-pulse space-y-6">
      <div className="h-8 w-64 rounded bg-slate-200" />
      <div className="h-4 w-96 rounded bg-slate-200" />
      <div className="h-48 rounded-lg border border-slate-200 bg-white" />
      <div className="h-32 rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
