import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { inputClass } from '../ui/input-class';
import { TrashIcon } from '../ui/icons';
import { Td } from '../ui/table';
import { CellError } from './attribute-pass-tab';
import { RuleDetailsRow } from './rule-details-row';
import { ACTION_LABEL, ACTION_TONE, summarizeConditions, type RuleDraft } from './rule-draft';

/**
 * One rule in the rules table: editable cells for admins, a read-only line for viewers, and its
 * details (description, conditions) below it while open.
 */
export function RuleRow({
  row,
  index,
  writer,
  highlighted,
  open,
  error,
  onChange,
  onToggleDetails,
  onRemove,
}: {
  row: RuleDraft;
  /** Its place in the list being saved, which the API's error paths (`rows[2].path`) name. */
  index: number;
  writer: boolean;
  /** The rule "test a request" matched. */
  highlighted: boolean;
  open: boolean;
  error: (field: string) => string | undefined;
  onChange: (patch: Partial<RuleDraft>) => void;
  onToggleDetails: () => void;
  onRemove: () => void;
}) {
  const summary = summarizeConditions(row.conditions);
  return (
    <>
      <tr data-testid="rule-row" className={cn('align-top', highlighted && 'bg-brand-50/70')}>
        <Td>
          {writer ? (
            <>
              <input
                aria-label={`Priority of rule ${index + 1}`}
                value={row.priority}
                onChange={(event) => onChange({ priority: event.target.value })}
                aria-invalid={error('priority') ? true : undefined}
                className={inputClass(Boolean(error('priority')), 'w-20 font-mono')}
              />
              <CellError text={error('priority')} />
            </>
          ) : (
            <span className="font-mono">{row.priority}</span>
          )}
        </Td>
        <Td>
          {writer ? (
            <div className="flex min-w-72 gap-2">
              <select
                aria-label={`Match type of rule ${index + 1}`}
                value={row.pathMatch}
                onChange={(event) =>
                  onChange({
                    pathMatch: event.target.value as RuleDraft['pathMatch'],
                  })
                }
                className={inputClass(false, 'w-28 shrink-0')}
              >
                <option value="PREFIX">Prefix</option>
                <option value="EXACT">Exact</option>
                <option value="REGEX">Regex</option>
              </select>
              <div className="min-w-0 flex-1">
                <input
                  aria-label={`Path of rule ${index + 1}`}
                  value={row.path}
                  onChange={(event) => onChange({ path: event.target.value })}
                  aria-invalid={error('path') ? true : undefined}
                  className={inputClass(Boolean(error('path')), 'w-full min-w-40 font-mono')}
                />
                <CellError text={error('path')} />
              </div>
            </div>
          ) : (
            <span>
              <Badge>{row.pathMatch.toLowerCase()}</Badge>{' '}
              <code className="text-xs">{row.path}</code>
            </span>
          )}
          {row.description && !writer && (
            <p className="mt-1 text-xs text-slate-500">{row.description}</p>
          )}
        </Td>
        <Td>
          {writer ? (
            <>
              <input
                aria-label={`Methods of rule ${index + 1}`}
                placeholder="any"
                value={row.methods}
                onChange={(event) => onChange({ methods: event.target.value })}
                aria-invalid={error('methods') ? true : undefined}
                className={inputClass(Boolean(error('methods')), 'w-32 font-mono')}
              />
              <CellError text={error('methods')} />
            </>
          ) : (
            <span className="font-mono text-xs">{row.methods || 'any'}</span>
          )}
        </Td>
        <Td>
          {summary.length === 0 ? (
            <span className="text-xs text-slate-400">none</span>
          ) : (
            <ul className="space-y-1">
              {summary.map((line) => (
                <li key={line} className="font-mono text-xs text-slate-700">
                  {line}
                </li>
              ))}
            </ul>
          )}
          <CellError text={error('conditions')} />
        </Td>
        <Td>
          {writer ? (
            <select
              aria-label={`Action of rule ${index + 1}`}
              value={row.action}
              onChange={(event) => onChange({ action: event.target.value as RuleDraft['action'] })}
              className={inputClass(Boolean(error('action')), 'w-40')}
            >
              <option value="PROTECTED">Protected</option>
              <option value="NOT_PROTECTED">Not protected</option>
              <option value="DENY">Deny</option>
            </select>
          ) : (
            <Badge tone={ACTION_TONE[row.action]}>{ACTION_LABEL[row.action]}</Badge>
          )}
        </Td>
        {writer && (
          <Td className="text-right whitespace-nowrap">
            <Button variant="ghost" size="sm" aria-expanded={open} onClick={onToggleDetails}>
              {open ? 'Done' : 'Details'}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Remove rule ${index + 1}`}
              onClick={onRemove}
            >
              <TrashIcon className="size-4" />
            </Button>
          </Td>
        )}
      </tr>
      {writer && open && (
        <RuleDetailsRow
          row={row}
          errors={{
            description: error('description'),
            conditions: error('conditions'),
          }}
          onChange={onChange}
        />
      )}
    </>
  );
}
