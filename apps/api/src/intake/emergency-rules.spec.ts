import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessReport, readingsInText } from './emergency-rules';

const at = '2026-11-30T08:00:00.000Z';

describe('emergency rules for family reports', () => {
  const cases: Array<[string, boolean, string | null]> = [
    ['Ему вызвали скорую, давление 190 на 110, врач не пришёл', true, 'critical'],
    ['Давление 165/100, жалуется на голову', false, 'moderate'],
    ['Сокамерник сказал, что он потерял сознание ночью', true, 'critical'],
    ['Температура 40,2 уже третий день', true, 'high'],
    ['He had a seizure in the cell this morning', true, 'critical'],
    ['Blood sugar 2.4, nobody gives him food', true, 'critical'],
    ['Pulse 155 and he is dizzy', true, 'critical'],
    ['Передачу не приняли, сказали — нет места на складе', false, null],
    ['Свидание не дали, причину не объяснили', false, null],
    ['Объявил голодовку с понедельника', true, 'high'],
  ];
  for (const [text, emergency, severity] of cases) {
    it(`${emergency ? 'raises' : 'does not raise'} an alert for «${text}»`, () => {
      const result = assessReport(text, at);
      assert.equal(result.emergency, emergency, JSON.stringify(result));
      assert.equal(result.severity, severity);
    });
  }

  it('reads pressure, temperature, pulse and sugar written in words', () => {
    assert.deepEqual(readingsInText('давление 180 на 100, пульс 120, температура 38,5, сахар 3,1', at), [
      { at, systolic: 180, diastolic: 100, pulse: 120, temperatureC: 38.5, glucoseMmolL: 3.1 },
    ]);
    assert.deepEqual(readingsInText('в 19/05 был суд', at), []);
  });
});
