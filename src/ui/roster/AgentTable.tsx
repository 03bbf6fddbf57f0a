import { useState } from 'preact/hooks';
import type { ScenarioError } from '../../scenario';
import { WEEKDAYS } from '../../scenario/week';
import { addAgent, contractsOf, removeAgent, setAgentCell } from '../../scenario/weekEdit';
import { HeaderRow } from '../ReportTableView';
import type { RosterState } from './rosterState';
import { TypedInput } from './TypedInput';

/** Rows shown at once: a table of thousands of inputs makes typing slow; the filter finds the rest. */
const SHOWN = 100;
const WINDOW_HELP = 'HH:MM-HH:MM (22:00-07:00 runs into the next morning), any, or empty for not available';

/** The people of the week: name, contract, a window per weekday and skills, each cell edited in place. */
export function AgentTable({ state, errors }: { state: RosterState; errors: ScenarioError[] }) {
  const [filter, setFilter] = useState('');
  const draft = state.draft.value;
  const contracts = contractsOf(draft).map((c) => String(c.name ?? ''));
  const needle = filter.trim().toLowerCase();
  const matching = draft.agents
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => needle === '' || `${row[0]} ${row[1]}`.toLowerCase().includes(needle));
  const errorAt = (i: number, column: string) => errors.find((e) => e.path === `agents row ${i + 2}, ${column}`)?.message;
  const cell = (i: number, name: string) => `${name} of ${draft.agents[i][0] || `row ${i + 1}`}`;
  return (
    <>
      <div class="actions">
        <label>
          Find a person or contract{' '}
          <input type="search" id="agent-filter" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        </label>
        <button type="button" id="add-agent" onClick={() => state.edit(addAgent)}>
          Add a person
        </button>
      </div>
      <div class="table-scroll">
        <table class="metrics agent-table" id="agent-table">
          <caption>
            {`People: ${draft.agents.length.toLocaleString('en-US')}${matching.length > SHOWN ? `, the first ${SHOWN} of ${matching.length.toLocaleString('en-US')} shown (type to find others)` : ''}. A weekday holds the window the person can work in: ${WINDOW_HELP}.`}
          </caption>
          <HeaderRow labels={['Name', 'Contract', ...WEEKDAYS.map((d) => d[0].toUpperCase() + d.slice(1)), 'Skills', '']} />
          <tbody>
            {matching.slice(0, SHOWN).map(({ row, i }) => (
              <tr key={i}>
                <td>
                  <TypedInput
                    id={`agent-${i}-name`}
                    label={`Name of row ${i + 1}`}
                    value={row[0]}
                    invalid={errorAt(i, 'name')}
                    onText={(t) => state.edit((d) => setAgentCell(d, i, 0, t), `agent-${i}-0`)}
                  />
                </td>
                <td>
                  <select
                    id={`agent-${i}-contract`}
                    aria-label={cell(i, 'Contract')}
                    aria-invalid={errorAt(i, 'contract') ? 'true' : 'false'}
                    title={errorAt(i, 'contract')}
                    value={row[1]}
                    onChange={(e) => state.edit((d) => setAgentCell(d, i, 1, e.currentTarget.value))}
                  >
                    {(contracts.includes(row[1]) ? contracts : [row[1], ...contracts]).map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </td>
                {WEEKDAYS.map((day, d) => (
                  <td key={day}>
                    <TypedInput
                      id={`agent-${i}-${day}`}
                      label={cell(i, day)}
                      value={row[2 + d]}
                      placeholder="off"
                      title={WINDOW_HELP}
                      invalid={errorAt(i, day)}
                      onText={(t) => state.edit((x) => setAgentCell(x, i, 2 + d, t), `agent-${i}-${2 + d}`)}
                    />
                  </td>
                ))}
                <td>
                  <TypedInput
                    id={`agent-${i}-skills`}
                    label={cell(i, 'Skills')}
                    value={row[9]}
                    title="skills, separated by ;"
                    onText={(t) => state.edit((d) => setAgentCell(d, i, 9, t), `agent-${i}-9`)}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={`Remove ${row[0] || `row ${i + 1}`}`}
                    onClick={() => state.edit((d) => removeAgent(d, i))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
