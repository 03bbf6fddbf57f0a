import type { ReadonlySignal } from '@preact/signals';
import { setAgents } from '../../scenario';
import { MAX_AGENTS } from '../../scenario/limits';
import type { Session } from '../state/session';

export const agentsPath = (index: number) => `staffing.agents[${index}]`;

interface CellProps {
  session: Session;
  index: number;
  start: string;
  agents: number;
  /** bumps when drafts change: the cell re-renders itself, however its row was built */
  drafts: ReadonlySignal<number>;
}

/** One interval's agents: a whole number is committed as typed; anything else stays in the cell as a draft, marked. */
export function AgentsCell({ session, index, start, agents, drafts }: CellProps) {
  void drafts.value; // subscribes: the cell follows the drafts
  const key = `${session.current().id}|${agentsPath(index)}`;
  const draft = session.drafts.get(key);
  const onInput = (e: Event) => {
    const text = (e.currentTarget as HTMLInputElement).value;
    const result = setAgents(session.current().raw, index, text.trim() === '' ? Number.NaN : Number(text.trim()));
    if (result.ok) session.drafts.delete(key);
    else
      session.drafts.set(key, {
        text,
        message: `Agents from ${start}: must be a whole number from 0 to ${MAX_AGENTS} (agents), got "${text}"`,
      });
    session.commit(result, agentsPath(index));
  };
  return (
    <td data-key="agents">
      <input
        type="text"
        inputMode="numeric"
        class="agents-input"
        id={`agents-${index}`}
        aria-label={`Agents from ${start}`}
        aria-describedby="agents-error"
        aria-invalid={draft ? 'true' : 'false'}
        value={draft?.text ?? String(agents)}
        onInput={onInput}
        onBlur={() => session.seal()}
      />
    </td>
  );
}
