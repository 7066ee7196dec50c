import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeTrigger } from './trigger-text';

describe('the triggering event told in a filing', () => {
  it('tells a medical incident in Russian, dated and timed in the court’s zone', () => {
    const text = describeTrigger(
      {
        type: 'medical_incident',
        incidentType: 'ambulance_call',
        severity: 'high',
        occurredAt: '2026-05-08T18:30:00.000Z',
        facility: 'ИВС ГУ МВД России по г. Москве',
      },
      'ru',
      'Europe/Moscow',
    );
    assert.equal(
      text,
      '8 мая 2026 г. около 21:30 в учреждении «ИВС ГУ МВД России по г. Москве» к подзащитному была вызвана скорая медицинская помощь; состояние здоровья подзащитного оценивается как тяжёлое.',
    );
  });

  it('tells a refused visit with its reason and who refused', () => {
    const text = describeTrigger(
      {
        type: 'contact',
        kind: 'visit',
        status: 'refused',
        occurredAt: '2026-05-09T06:30:00.000Z',
        facility: null,
        refusalReason: 'нет свободных кабинетов',
        refusedBy: 'дежурный',
      },
      'ru',
      'Europe/Moscow',
    );
    assert.equal(
      text,
      '9 мая 2026 г. около 09:30 защитнику было отказано в свидании с подзащитным; основание отказа, названное администрацией: «нет свободных кабинетов»; отказ дал дежурный.',
    );
  });

  it('tells the same event in English for an English template', () => {
    const text = describeTrigger(
      { type: 'contact', kind: 'letter', status: 'not_delivered', occurredAt: '2026-05-13T07:00:00.000Z', facility: null },
      'en',
      'Europe/Moscow',
    );
    assert.equal(text, 'On 13 May 2026 at about 10:00 a letter sent to the defendant was not delivered to him.');
  });
});
