import { Injectable, OnModuleInit } from '@nestjs/common';
import { DemoSeedRegistry } from '../demo/demo-seed.registry';
import { MedicalAlertsRepository } from './medical-alerts.repository';
import { MedicalIncidentEntity } from './medical-incident.entity';

/** The article's two incidents (ambulance on 8 May, hospital on 11 May), a history of readings, an open alert. */
@Injectable()
export class MedicalDemo implements OnModuleInit {
  constructor(
    private readonly registry: DemoSeedRegistry,
    private readonly alerts: MedicalAlertsRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      order: 40,
      name: 'medical',
      seed: async ({ manager, ids }) => {
        const incidents = manager.getRepository(MedicalIncidentEntity);
        const vorontsov = ids.get('case:vorontsov')!;
        const medic = ids.get('user:medic')!;
        const lawyer = ids.get('user:lawyer')!;
        const facility = 'Temporary detention centre, Moscow';
        const reading = (at: string, systolic: number, diastolic: number, pulse: number) => ({ at, systolic, diastolic, pulse });
        const ambulance = await incidents.save({
          caseId: vorontsov,
          occurredAt: new Date('2019-05-08T21:30:00Z'),
          type: 'ambulance_call',
          severity: 'high',
          source: 'lawyer_visit',
          facility,
          description: 'Ambulance called to the temporary detention centre: high blood pressure. Not taken to hospital.',
          outcome: 'Treated on site by the ambulance crew; left in the detention centre.',
          vitals: [reading('2019-05-08T21:40:00Z', 185, 110, 104), reading('2019-05-08T22:20:00Z', 170, 100, 96)],
          followUpNeeded: true,
          createdBy: lawyer,
        });
        await incidents.save({
          caseId: vorontsov,
          occurredAt: new Date('2019-05-09T12:00:00Z'),
          type: 'check_up',
          severity: 'moderate',
          source: 'facility_statement',
          facility,
          description: 'Pressure measured by the centre medic after the ambulance call.',
          outcome: null,
          vitals: [reading('2019-05-09T08:00:00Z', 165, 100, 92), reading('2019-05-09T20:00:00Z', 160, 98, 90), reading('2019-05-10T09:00:00Z', 168, 104, 95)],
          followUpNeeded: true,
          createdBy: medic,
        });
        const hospital = await incidents.save({
          caseId: vorontsov,
          occurredAt: new Date('2019-05-10T22:00:00Z'),
          type: 'transfer_to_hospital',
          severity: 'high',
          source: 'lawyer_visit',
          facility: 'Moscow city hospital',
          description: 'Ambulance called again at night; transferred from the temporary detention centre to a Moscow hospital.',
          outcome: null,
          vitals: [reading('2019-05-10T22:10:00Z', 190, 115, 110)],
          followUpNeeded: true,
          createdBy: lawyer,
        });
        const first = await this.alerts.insert(
          { caseId: vorontsov, kind: 'incident', incidentId: ambulance.id, severity: 'high', reason: 'ambulance_call' },
          manager,
        );
        await manager.query(
          `update medical_alerts set status = 'resolved', opened_at = $2, acknowledged_at = $3, acknowledged_by = $4, resolved_at = $5, resolved_by = $4,
                  note = 'Lawyer visited; pressure monitored by the centre medic.' where id = $1`,
          [first!.id, '2019-05-08T21:35:00Z', '2019-05-08T21:50:00Z', medic, '2019-05-09T12:30:00Z'],
        );
        const open = await this.alerts.insert(
          { caseId: vorontsov, kind: 'incident', incidentId: hospital.id, severity: 'high', reason: 'transfer_to_hospital' },
          manager,
        );
        await manager.query(`update medical_alerts set opened_at = $2 where id = $1`, [open!.id, '2019-05-10T22:05:00Z']);

        await incidents.save({
          caseId: ids.get('case:second-case')!,
          occurredAt: new Date('2019-06-02T10:00:00Z'),
          type: 'check_up',
          severity: 'low',
          source: 'family',
          facility: 'Pre-trial detention centre',
          description: 'Routine check-up reported by the family; no complaints.',
          outcome: 'No treatment needed.',
          vitals: [reading('2019-06-02T10:00:00Z', 128, 82, 72)],
          followUpNeeded: false,
          createdBy: ids.get('user:lawyer2')!,
        });
      },
    });
  }
}
