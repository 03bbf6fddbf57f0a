import type { ScenarioError } from '../../scenario';
import { contractSchema } from '../../scenario/week';
import { contractsOf, setContractField } from '../../scenario/weekEdit';
import { HeaderRow } from '../ReportTableView';
import type { RosterState } from './rosterState';
import { TypedInput } from './TypedInput';

/** The contract rules a planner sets in the table, with the unit each is in. */
const FIELDS = [
  ['minDaysPerWeek', 'Days / week, min', 'days'],
  ['maxDaysPerWeek', 'Days / week, max', 'days'],
  ['minPaidHoursPerWeek', 'Paid h / week, min', 'h'],
  ['maxPaidHoursPerWeek', 'Paid h / week, max', 'h'],
  ['minRestHours', 'Rest between shifts, min', 'h'],
  ['maxConsecutiveDays', 'Days in a row, max', 'days'],
  ['consecutiveDaysOff', 'Days off in a row', 'days'],
  ['startWithinMinutes', 'Starts within', 'min'],
] as const;

const shape = contractSchema.shape;
/** The schema's own words for a field and its allowed range, shown on the header and the empty cell. */
const definition = (field: (typeof FIELDS)[number][0]) => shape[field].description ?? shape[field].unwrap().description ?? '';
const defaultOf = (field: (typeof FIELDS)[number][0]) => {
  const parsed = shape[field].safeParse(undefined);
  return parsed.success && parsed.data !== undefined ? String(parsed.data) : 'none';
};

/** What a typed number is held as in the week ("8.50" as "8.5"; text stays text for the check to name). */
const heldAs = (text: string) => {
  const t = text.trim();
  return t === '' ? '' : Number.isFinite(Number(t)) ? String(Number(t)) : text;
};

export function ContractTable({ state, errors }: { state: RosterState; errors: ScenarioError[] }) {
  const contracts = contractsOf(state.draft.value);
  const errorAt = (path: string) => errors.find((e) => e.path === path)?.message;
  return (
    <div class="table-scroll">
      <table class="metrics contract-table" id="contract-table">
        <caption>Contracts: weekly rules for everyone on them (each 7 days of the horizon; empty takes the default)</caption>
        <HeaderRow
          labels={['Contract', 'Templates', ...FIELDS.map(([, label, unit]) => `${label} (${unit})`)]}
          titles={['', 'the shift templates this contract works', ...FIELDS.map(([f]) => definition(f))]}
        />
        <tbody>
          {contracts.map((c, k) => (
            <tr key={k}>
              <th scope="row">{String(c.name ?? '')}</th>
              <td>{Array.isArray(c.templates) ? c.templates.join(', ') : 'all'}</td>
              {FIELDS.map(([field, label]) => (
                <td key={field}>
                  <TypedInput
                    id={`contract-${k}-${field}`}
                    label={`${label} of ${String(c.name ?? `contract ${k + 1}`)}`}
                    value={c[field] === undefined ? '' : String(c[field])}
                    heldAs={heldAs}
                    placeholder={defaultOf(field)}
                    title={definition(field)}
                    invalid={errorAt(`contracts[${k}].${field}`)}
                    onText={(text) => state.edit((d) => setContractField(d, k, field, text), `contract-${k}-${field}`)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
