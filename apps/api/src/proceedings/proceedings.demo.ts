import { daysAfterArrest } from '../demo/demo-dates';
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
 * Defendants, facilities, hearings, deadlines and custody events of the demo cases: the public facts of
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

    const facility = (name: string, kind: string, region: string, address: string) =>
      insert(manager, `insert into facilities (name, kind, region, address) values ($1, $2, $3, $4)`, [name, kind, region, address]);
    const ivs = await facility('Temporary detention centre, Moscow', 'temporary_detention_centre', 'Moscow', '');
    const hospital = await facility('Moscow city hospital', 'hospital', 'Moscow', '');
    const sizo = await facility('Pre-trial detention centre No. 1, Moscow', 'pretrial_detention_centre', 'Moscow', '');
    await facility('Tver District Court of Moscow', 'court', 'Moscow', 'Tsvetnoy Boulevard 25A, Moscow');
    ids.set('facility:ivs', ivs);
    ids.set('facility:hospital', hospital);

    const defendant = await insert(manager, `insert into persons (full_name, public_bio, status) values ($1, $2, 'detained')`, [
      'Vladimir Vorontsov',
      'Administrator of the online community "Police Ombudsman", which publishes reports of abuse within the Interior Ministry ' +
        'and defends the labour rights of rank-and-file police officers.',
    ]);
    const detainedUntil = isoDay(ahead(now, 20, 12));
    await manager.query(
      `update cases set defendant_id = $2, court_case_number = $3, court = 'Tver District Court of Moscow',
              investigating_agency = 'Investigators of the Interior Ministry', charges = $4, stage = 'investigation', plea = 'not_guilty',
              custody_measure = 'detention', detained_until = $5, facility_id = $6, goal_amount_minor = 2000000, goal_currency = 'EUR'
        where id = $1`,
      [
        vorontsov,
        defendant,
        `3/2-${arrested.getUTCFullYear()}-0508`,
        JSON.stringify([
          {
            article: '163(2)',
            description: 'Extortion: allegedly demanding 300,000 roubles from an ex-officer not to publish personal photos',
          },
        ]),
        detainedUntil,
        sizo,
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

    const court = 'Tver District Court of Moscow';
    const arraignment = await hearing(
      vorontsov,
      'arraignment',
      arrested,
      court,
      'Detained for two months at the investigators’ request; pleaded not guilty',
      'custody',
      'Attorney Sergey Badamshin. Vorontsov said the charges are revenge for his community’s work for the labour rights of rank-and-file officers.',
      lawyer,
    );
    const appealDue = new Date(arrested.getTime() + 3 * DAY);
    await deadline(
      vorontsov,
      new Date(Date.UTC(appealDue.getUTCFullYear(), appealDue.getUTCMonth(), appealDue.getUTCDate(), 20, 59)),
      'Appeal the custody decision (3 days)',
      lawyer,
      arraignment,
      true,
      true,
    );
    await custody(
      'placed',
      new Date(arrested.getTime() + 4 * 3600_000),
      ivs,
      isoDay(new Date(arrested.getTime() + 61 * DAY)),
      'Ambulance called the same evening for high blood pressure; not hospitalised.',
    );
    await custody(
      'hospitalised',
      new Date(arrested.getTime() + 3 * DAY + 6 * 3600_000),
      hospital,
      null,
      'Ambulance called again at night; admitted to a Moscow hospital.',
    );
    await custody('transferred', new Date(arrested.getTime() + 12 * DAY), sizo, null, 'Discharged from hospital and taken to the pre-trial detention centre.');
    const extension = await hearing(vorontsov, 'custody_extension', ahead(now, -20, 11), court, 'Detention extended', 'custody', '', lawyer);
    await custody('measure_extended', ahead(now, -20, 13), null, detainedUntil, 'Extended by the Tver District Court.');
    await deadline(vorontsov, ahead(now, -17, 23.99), 'Appeal the custody decision (3 days)', lawyer, extension, true, true);
    await hearing(vorontsov, 'appeal', ahead(now, 6, 10), 'Moscow City Court', null, null, 'Appeal against the extension of detention.', lawyer);
    await hearing(vorontsov, 'custody_extension', ahead(now, 18, 11), court, null, null, 'Investigators are expected to ask for a further extension.', lawyer);
    await deadline(vorontsov, ahead(now, 4, 18), 'File the motion to change the measure to house arrest', lawyer);
    await deadline(vorontsov, ahead(now, 9, 18), 'Request the medical records from the detention centre', lawyer);

    const secondDefendant = await insert(manager, `insert into persons (full_name, status) values ('Ilya Sokolov', 'house_arrest')`, []);
    await manager.query(
      `update cases set defendant_id = $2, court = 'Meshchansky District Court of Moscow', stage = 'trial', plea = 'not_guilty',
              custody_measure = 'house_arrest', detained_until = $3, charges = $4 where id = $1`,
      [
        second,
        secondDefendant,
        isoDay(ahead(now, 40, 12)),
        JSON.stringify([{ article: '207.3', description: 'Public dissemination of knowingly false information' }]),
      ],
    );
    await hearing(second, 'trial_session', ahead(now, 10, 12), 'Meshchansky District Court of Moscow', null, null, '', lawyer2);
    await deadline(second, ahead(now, 7, 18), 'Submit the list of defence witnesses', lawyer2);
  }
}
