import type { CreateContactEventRequest } from '@habeas/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { daysAfterArrest } from '../demo/demo-dates';
import { demoFacilities, demoIncidents } from '../demo/demo-facts';
import { DemoSeedRegistry } from '../demo/demo-seed.registry';
import { ContactLogService } from './contact-log.service';
import { LegalActionsRepository } from './legal-actions.repository';
import { LegalActionProposals } from './legal-action-proposals';
import { NoContactWatch } from './no-contact-watch.service';

const IVS = demoFacilities.ivs.name;
const HOSPITAL = demoFacilities.hospital.name;

/**
 * Demo contact log of the vorontsov case (case-article.txt): visits (one refused), letters (one undelivered),
 * a parcel and a commissary transfer, and the legal actions that its two medical incidents — read from the
 * medical record's facts, the ambulance on 8 May and the hospitalisation on 11 May — started.
 */
@Injectable()
export class DetentionDemo implements OnModuleInit {
  constructor(
    private readonly registry: DemoSeedRegistry,
    private readonly contacts: ContactLogService,
    private readonly proposals: LegalActionProposals,
    private readonly actions: LegalActionsRepository,
    private readonly watch: NoContactWatch,
  ) {}

  onModuleInit(): void {
    // The demo's last contact is months old: the watch opens its "no contact" alert as soon as the seed is in.
    this.registry.afterSeed(() => this.watch.check());
    this.registry.register({
      order: 60,
      name: 'contact',
      seed: async ({ manager, ids }) => {
        const caseId = ids.get('case:vorontsov')!;
        const lawyerId = ids.get('user:lawyer')!;
        const events: CreateContactEventRequest[] = [
          {
            kind: 'visit',
            status: 'refused',
            occurredAt: daysAfterArrest(1, '06:30').toISOString(),
            facility: IVS,
            visitor: 'Защитник',
            refusalReason: 'нет свободных кабинетов для адвокатов, предложили прийти после выходных',
            refusedBy: 'дежурный по ИВС',
          },
          {
            kind: 'visit',
            status: 'held',
            occurredAt: daysAfterArrest(2, '08:00').toISOString(),
            facility: IVS,
            visitor: 'Защитник',
            notes: 'Жалуется на высокое давление; после вызова скорой врач его не осматривал.',
          },
          {
            kind: 'letter',
            status: 'delivered',
            occurredAt: daysAfterArrest(4, '05:00').toISOString(),
            deliveredAt: daysAfterArrest(6, '12:00').toISOString(),
            channel: 'prison_letter_service',
            direction: 'to_detainee',
            facility: HOSPITAL,
            notes: 'Письма поддержки от читателей сообщества',
          },
          {
            kind: 'letter',
            status: 'not_delivered',
            occurredAt: daysAfterArrest(5, '07:00').toISOString(),
            channel: 'post',
            direction: 'to_detainee',
            facility: IVS,
            notes: 'Заказное письмо от семьи; в ИВС говорят, что оно не поступало',
          },
          {
            kind: 'parcel',
            status: 'accepted',
            occurredAt: daysAfterArrest(7, '06:00').toISOString(),
            facility: HOSPITAL,
            contents: 'Тонометр (разрешён врачом), тёплые вещи, книги',
          },
          {
            kind: 'money_transfer',
            status: 'accepted',
            occurredAt: daysAfterArrest(7, '06:30').toISOString(),
            facility: HOSPITAL,
            contents: 'Лицевой счёт',
            amount: { amountMinor: 500_000, currency: 'RUB' },
          },
        ];
        for (const body of events) {
          const event = await this.contacts.insert(manager, caseId, body, lawyerId);
          await this.proposals.proposeForContact(null, { caseId, event }, manager);
        }

        // The medical area seeded the incidents (order 40) from the same facts and left their ids under these keys.
        const incidents = demoIncidents();
        const ambulance = await this.proposals.proposeForMedicalIncident(
          { caseId, incidentId: ids.get('medical_incident:vorontsov:ambulance') ?? null, ...incidents.ambulance },
          manager,
        );
        await this.proposals.proposeForMedicalIncident(
          { caseId, incidentId: ids.get('medical_incident:vorontsov:hospitalisation') ?? null, ...incidents.hospitalisation },
          manager,
        );
        // The team acted on the first: the motion for an independent doctor was filed on 10 May.
        const doctor = ambulance.find((action) => action.step === 'motion_independent_doctor');
        if (doctor) await this.actions.markFiled(doctor.id, daysAfterArrest(2, '13:00'), manager);
      },
    });
  }
}
