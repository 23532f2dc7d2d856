import { usccProblem, normalizeUscc } from '../../src-shared/uscc';

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'uscc') {
  const code = normalizeUscc(rest[0] ?? '');
  const problem = usccProblem(code);
  console.log(JSON.stringify({ code, valid: problem === null, problem }));
  process.exit(problem === null ? 0 : 1);
}
console.error('usage: tariffcheck <command>');
process.exit(2);
