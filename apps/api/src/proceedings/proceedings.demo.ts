import { daysAfterArrest } from '../demo/demo-dates';
import { demoCase, demoFacilities, demoIncidents } from '../demo/demo-facts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DemoSeedRegistry } from '../demo/demo-seed.registry';

const DAY = 24 * 3600_000;

/** A day `days` from now at the given Moscow hour (hearings are in Moscow). */
function ahead(now: Date, days: number, hourMoscow: number): Date {
  const day = new Date(now.getTime() + days * DAY);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hourMoscow - 3));
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

async function insert(manager: EntityManager, sql: string, params: unknown[]): Promise<string> {
  const [row] = await manager.query(`${sql} returning id`, params);
  return row.id as string;
}

/**
 * Defendants, facilities, hearings, deadlines and custody events of the demo cases, in Russian as the team writes them: the public facts of
 * case-article.txt (arraignment and detention by the Tver District Court on 8 May, extortion, not-guilty plea,
 * the temporary detention centre, transfer to hospital on 11 May) plus realistic proceedings ahead.
 */
@Injectable()
export class ProceedingsDemo implements OnModuleInit {
  constructor(private readonly registry: DemoSeedRegistry) {}

  onModuleInit(): void {
    this.registry.register({ order: 25, name: 'proceedings', seed: ({ manager, ids }) => this.seed(manager, ids) });
  }

  private async seed(manager: EntityManager, ids: Map<string, string>): Promise<void> {
    const now = new Date();
    const vorontsov = ids.get('case:vorontsov')!;
    const second = ids.get('case:second-case')!;
    const lawyer = ids.get('user:lawyer')!;
    const lawyer2 = ids.get('user:lawyer2')!;
    const arrested = daysAfterArrest(0, '12:00', now); // 15:00 in Moscow

    const facility = (key: keyof typeof demoFacilities) => {
      const { name, kind, address } = demoFacilities[key];
      return insert(manager, `insert into facilities (name, kind, region, address, time_zone) values ($1, $2, 'Москва', $3, 'Europe/Moscow')`, [
        name,
        kind,
        address,
      ]);
    };
    const ivs = await facility('ivs');
    const hospital = await facility('hospital');
    const sizo = await facility('sizo');
    await facility('court');
    await facility('appealCourt');
    await facility('secondCourt');
    const secondSizo = await facility('secondSizo');
    ids.set('facility:ivs', ivs);
    ids.set('facility:hospital', hospital);

    const defendant = await insert(manager, `insert into persons (full_name, public_bio, status) values ($1, $2, 'detained')`, [
      demoCase.defendant,
      'Администратор сообщества «Полицейский омбудсмен», которое публикует сообщения о злоупотреблениях в системе МВД ' +
        'и защищает трудовые права рядовых сотрудников полиции.',
    ]);
    const detainedUntil = isoDay(ahead(now, 20, 12));
    await manager.query(
      `update cases set defendant_id = $2, court_case_number = $3, court = $7, judge = $8, court_time_zone = 'Europe/Moscow',
              investigating_agency = $9, charges = $4, stage = 'investigation', plea = 'not_guilty',
              custody_measure = 'detention', detained_until = $5, facility_id = $6
        where id = $1`,
      [
        vorontsov,
        defendant,
        demoCase.courtCaseNumber(arrested.getUTCFullYear()),
        JSON.stringify([
          {
            article: '163(2)',
            description:
              'Вымогательство: по версии следствия, требовал 300 000 рублей у бывшего сотрудника полиции за то, чтобы не публиковать его личные фотографии',
          },
        ]),
        detainedUntil,
        sizo,
        demoFacilities.court.name,
        demoCase.judge,
        demoCase.investigatingAgency,
      ],
    );

    const hearing = (caseId: string, kind: string, at: Date, court: string, outcome: string | null, decision: string | null, notes: string, by: string) =>
      insert(
        manager,
        `insert into hearings (case_id, kind, scheduled_at, court, outcome, decision, notes, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [caseId, kind, at, court, outcome, decision, notes, by],
      );
    const deadline = (caseId: string, dueAt: Date, title: string, by: string, source: string | null = null, suggested = false, done = false) =>
      insert(manager, `insert into deadlines (case_id, due_at, title, source_hearing_id, suggested, done_at, created_by) values ($1, $2, $3, $4, $5, $6, $7)`, [
        caseId,
        dueAt,
        title,
        source,
        suggested,
        done ? new Date(dueAt.getTime() - DAY) : null,
        by,
      ]);
    const custody = (kind: string, at: Date, facilityId: string | null, until: string | null, notes: string) =>
      manager.query(
        `insert into custody_events (case_id, kind, occurred_at, facility_id, detained_until, notes, created_by) values ($1, $2, $3, $4, $5, $6, $7)`,
        [vorontsov, kind, at, facilityId, until, notes, lawyer],
      );

    const court = demoFacilities.court.name;
    const arraignment = await hearing(
      vorontsov,
      'arraignment',
      arrested,
      court,
      'Избрана мера пресечения в виде заключения под стражу на два месяца по ходатайству следствия; вину не признал',
      'custody',
      'Защитник — адвокат Сергей Бадамшин. Воронцов заявил, что обвинение — месть за работу сообщества по защите трудовых прав рядовых сотрудников.',
      lawyer,
    );
    const appealDue = new Date(arrested.getTime() + 3 * DAY);
    await deadline(
      vorontsov,
      new Date(Date.UTC(appealDue.getUTCFullYear(), appealDue.getUTCMonth(), appealDue.getUTCDate(), 20, 59)),
      'Обжаловать постановление о мере пресечения (3 суток)',
      lawyer,
      arraignment,
      true,
      true,
    );
    const incidents = demoIncidents(now);
    await custody(
      'placed',
      new Date(arrested.getTime() + 4 * 3600_000),
      ivs,
      isoDay(new Date(arrested.getTime() + 61 * DAY)),
      'В тот же вечер вызывали скорую помощь из-за высокого давления; не госпитализирован.',
    );
    await custody(
      'hospitalised',
      incidents.hospitalisation.occurredAt,
      hospital,
      null,
      'Ночью снова вызвали скорую помощь; госпитализирован в городскую больницу.',
    );
    await custody('transferred', new Date(arrested.getTime() + 12 * DAY), sizo, null, 'Выписан из больницы и этапирован в СИЗО-1.');
    const extension = await hearing(vorontsov, 'custody_extension', ahead(now, -20, 11), court, 'Срок содержания под стражей продлён', 'custody', '', lawyer);
    await custody('measure_extended', ahead(now, -20, 13), null, detainedUntil, 'Срок продлён Тверским районным судом.');
    await deadline(
      vorontsov,
      ahead(now, -17, 23.99),
      'Обжаловать постановление о продлении срока содержания под стражей (3 суток)',
      lawyer,
      extension,
      true,
      true,
    );
    await hearing(
      vorontsov,
      'appeal',
      ahead(now, 6, 10),
      demoFacilities.appealCourt.name,
      null,
      null,
      'Апелляционная жалоба на продление срока содержания под стражей.',
      lawyer,
    );
    await hearing(vorontsov, 'custody_extension', ahead(now, 18, 11), court, null, null, 'Ожидается ходатайство следствия о новом продлении срока.', lawyer);
    await deadline(vorontsov, ahead(now, 4, 18), 'Подать ходатайство об изменении меры пресечения на домашний арест', lawyer);
    await deadline(vorontsov, ahead(now, 9, 18), 'Запросить медицинскую документацию в СИЗО-1', lawyer);

    const secondDefendant = await insert(manager, `insert into persons (full_name, status) values ('Соколов Илья Андреевич', 'house_arrest')`, []);
    await manager.query(
      `update cases set defendant_id = $2, court = $5, court_case_number = $6, judge = 'Орлов Дмитрий Николаевич', stage = 'trial', plea = 'not_guilty',
              custody_measure = 'house_arrest', detained_until = $3, charges = $4, facility_id = $7 where id = $1`,
      [
        second,
        secondDefendant,
        isoDay(ahead(now, 40, 12)),
        JSON.stringify([{ article: '207.3', description: 'Публичное распространение заведомо ложной информации' }]),
        demoFacilities.secondCourt.name,
        `01-0187/${now.getUTCFullYear()}`,
        secondSizo,
      ],
    );
    await hearing(second, 'trial_session', ahead(now, 10, 12), demoFacilities.secondCourt.name, null, null, 'Допрос свидетелей обвинения.', lawyer2);
    await deadline(second, ahead(now, 7, 18), 'Представить список свидетелей защиты', lawyer2);
  }
}
