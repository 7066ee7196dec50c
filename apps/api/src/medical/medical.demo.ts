import { daysAfterArrest } from '../demo/demo-dates';
import { demoFacilities, demoIncidents } from '../demo/demo-facts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DemoSeedRegistry } from '../demo/demo-seed.registry';
import { MedicalAlertsRepository } from './medical-alerts.repository';
import { MedicalAlertsService } from './medical-alerts.service';
import { alertSeverityFor } from './incident-alert-rule';
import { assessVitals } from '@habeas/contracts';
import { MedicalIncidentEntity } from './medical-incident.entity';
import { sealIncident, type IncidentSecrets } from './medical-incident-seal';
import { randomUUID } from 'node:crypto';

/** The article's two incidents (ambulance on 8 May, hospital on 11 May) — the source of these facts for every area — readings, an open alert. */
@Injectable()
export class MedicalDemo implements OnModuleInit {
  constructor(
    private readonly registry: DemoSeedRegistry,
    private readonly alerts: MedicalAlertsRepository,
    private readonly alertRules: MedicalAlertsService,
  ) {}

  onModuleInit(): void {
    // The demo's last medical news is months old: the "no news" rule opens its alert as soon as the seed is in.
    this.registry.afterSeed(() => this.alertRules.openNoNewsAlerts());
    this.registry.register({
      order: 40,
      name: 'medical',
      seed: async ({ manager, ids }) => {
        const repository = manager.getRepository(MedicalIncidentEntity);
        type DemoIncident = Omit<MedicalIncidentEntity, 'id' | 'createdAt' | 'updatedAt' | 'version' | keyof IncidentSecrets> & IncidentSecrets;
        const incidents = {
          save: async (incident: DemoIncident) => {
            const id = randomUUID();
            const { description, outcome, vitals, ...rest } = incident;
            await repository.save({ id, ...rest, ...sealIncident(id, { description, outcome, vitals }) });
            return { id, ...incident };
          },
        };
        const vorontsov = ids.get('case:vorontsov')!;
        const medic = ids.get('user:medic')!;
        const lawyer = ids.get('user:lawyer')!;
        const facility = demoFacilities.ivs.name;
        const facts = demoIncidents();
        const reading = (at: string, systolic: number, diastolic: number, pulse: number) => ({ at, systolic, diastolic, pulse });
        const ambulance = await incidents.save({
          caseId: vorontsov,
          ...facts.ambulance,
          source: 'lawyer_visit',
          description: 'В ИВС вызвана скорая помощь: высокое артериальное давление. В больницу не госпитализирован.',
          outcome: 'Помощь оказана бригадой скорой помощи на месте; оставлен в ИВС.',
          vitals: [reading(daysAfterArrest(0, '18:40').toISOString(), 185, 110, 104), reading(daysAfterArrest(0, '19:20').toISOString(), 170, 100, 96)],
          followUpNeeded: true,
          createdBy: lawyer,
        });
        await incidents.save({
          caseId: vorontsov,
          occurredAt: daysAfterArrest(1, '12:00'),
          type: 'check_up',
          severity: 'moderate',
          source: 'facility_statement',
          facility,
          description: 'Фельдшер ИВС измерил давление после вызова скорой помощи.',
          outcome: null,
          vitals: [
            reading(daysAfterArrest(1, '08:00').toISOString(), 165, 100, 92),
            reading(daysAfterArrest(1, '20:00').toISOString(), 160, 98, 90),
            reading(daysAfterArrest(2, '09:00').toISOString(), 168, 104, 95),
          ],
          followUpNeeded: true,
          createdBy: medic,
        });
        const hospital = await incidents.save({
          caseId: vorontsov,
          ...facts.hospitalisation,
          source: 'lawyer_visit',
          description: 'Ночью снова вызвана скорая помощь; из ИВС доставлен в городскую больницу и госпитализирован.',
          outcome: null,
          vitals: [reading(daysAfterArrest(2, '22:10').toISOString(), 190, 115, 110)],
          followUpNeeded: true,
          createdBy: lawyer,
        });
        ids.set('medical_incident:vorontsov:ambulance', ambulance.id);
        ids.set('medical_incident:vorontsov:hospitalisation', hospital.id);
        const first = await this.alerts.insert(
          {
            caseId: vorontsov,
            kind: 'incident',
            incidentId: ambulance.id,
            severity: alertSeverityFor(ambulance, assessVitals(ambulance.vitals).severity)!,
            reason: 'ambulance_call',
          },
          manager,
        );
        await manager.query(
          `update medical_alerts set status = 'resolved', opened_at = $2, acknowledged_at = $3, acknowledged_by = $4, resolved_at = $5, resolved_by = $4,
                  note = 'Адвокат посетил подзащитного; давление контролирует фельдшер ИВС.' where id = $1`,
          [first!.id, daysAfterArrest(0, '18:35').toISOString(), daysAfterArrest(0, '18:50').toISOString(), medic, daysAfterArrest(1, '12:30').toISOString()],
        );
        const open = await this.alerts.insert(
          {
            caseId: vorontsov,
            kind: 'incident',
            incidentId: hospital.id,
            severity: alertSeverityFor(hospital, assessVitals(hospital.vitals).severity)!,
            reason: 'hospitalisation',
          },
          manager,
        );
        await manager.query(`update medical_alerts set opened_at = $2 where id = $1`, [open!.id, daysAfterArrest(2, '22:05').toISOString()]);

        await incidents.save({
          caseId: ids.get('case:second-case')!,
          occurredAt: daysAfterArrest(25, '10:00'),
          type: 'check_up',
          severity: 'low',
          source: 'family',
          facility: demoFacilities.secondSizo.name,
          description: 'Плановый осмотр, о котором сообщили родственники; жалоб нет.',
          outcome: 'Лечение не требуется.',
          vitals: [reading(daysAfterArrest(25, '10:00').toISOString(), 128, 82, 72)],
          followUpNeeded: false,
          createdBy: ids.get('user:lawyer2')!,
        });
      },
    });
  }
}
