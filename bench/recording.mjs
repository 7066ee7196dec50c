// Turns the statements the app sent for one request (captured by capture-sql.cjs) into what the raw twin replays:
// waves run one after another; a wave holds the units that ran at the same time; a unit is one connection's
// statements in order (a whole transaction stays one unit on one connection).
const background = /pgboss|^\s*(listen|unlisten)\b/i;
const opens = /^\s*(start transaction|begin)\b/i;
const closes = /^\s*(commit|rollback)\b(?!\s+to)/i;

export function recordingOf(statements) {
  const units = [];
  const openUnit = new Map();
  for (const s of statements.filter((s) => !background.test(s.text)).sort((a, b) => a.start - b.start)) {
    const statement = { text: s.text, values: s.values };
    const unit = openUnit.get(s.client);
    if (unit) {
      unit.statements.push(statement);
      unit.end = s.end;
      if (closes.test(s.text)) openUnit.delete(s.client);
      continue;
    }
    const fresh = { statements: [statement], start: s.start, end: s.end };
    units.push(fresh);
    if (opens.test(s.text)) openUnit.set(s.client, fresh);
  }
  const waves = [];
  let wave = null;
  for (const unit of units) {
    if (wave && unit.start < wave.end) {
      wave.units.push(unit.statements);
      wave.end = Math.max(wave.end, unit.end);
    } else {
      wave = { units: [unit.statements], end: unit.end };
      waves.push(wave);
    }
  }
  return waves.map((w) => w.units);
}
