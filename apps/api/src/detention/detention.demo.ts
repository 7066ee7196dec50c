import { daysAfterArrest } from '../demo/demo-dates';
import type { CreateContactEventRequest } from '@habeas/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DemoSeedRegistry } from '../demo/demo-seed.registry';
import { ContactLogService } from './contact-log.service';
import { LegalActionsService } from './legal-actions.service';
import { NoContactWatch } from './no-contact-watch.service';

const IVS = 'Temporary detention centre (IVS), Moscow';

/**
 * Demo contact log of the vorontsov case (case-article.txt): visits (one refused), letters (one
 * undelivered), a parcel and a commissary transfer, and the legal actions its two medical incidents
 * — the ambulance on 8 May, the transfer to hospital on 11 May — would have started.
 */
@Injectable()
export class DetentionDemo implements OnModuleInit {
  constructor(
    private readonly registry: DemoSeedRegistry,
    private readonly contacts: ContactLogService,
    private readonly legalActions: LegalActionsService,
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
            occurredAt: daysAfterArrest(1, '09:30').toISOString(),
            facility: IVS,
            visitor: 'Defence counsel',
            refusalReason: 'No room free for lawyers; told to come back after the weekend',
            refusedBy: 'Duty officer of the IVS',
          },
          {
            kind: 'visit',
            status: 'held',
            occurredAt: daysAfterArrest(2, '11:00').toISOString(),
            facility: IVS,
            visitor: 'Defence counsel',
            notes: 'Complains of high blood pressure; no doctor has seen him since the ambulance.',
          },
          {
            kind: 'letter',
            status: 'delivered',
            occurredAt: daysAfterArrest(4, '08:00').toISOString(),
            deliveredAt: daysAfterArrest(6, '15:00').toISOString(),
            channel: 'prison_letter_service',
            direction: 'to_detainee',
            facility: 'City hospital (prison ward), Moscow',
            notes: 'Letters of support from readers of the community',
          },
          {
            kind: 'letter',
            status: 'not_delivered',
            occurredAt: daysAfterArrest(5, '10:00').toISOString(),
            channel: 'post',
            direction: 'to_detainee',
            facility: IVS,
            notes: 'Registered letter from his family; the IVS says it never arrived',
          },
          {
            kind: 'parcel',
            status: 'accepted',
            occurredAt: daysAfterArrest(7, '09:00').toISOString(),
            facility: 'City hospital (prison ward), Moscow',
            contents: 'Blood pressure monitor (allowed by the doctor), warm clothes, books',
          },
          {
            kind: 'money_transfer',
            status: 'accepted',
            occurredAt: daysAfterArrest(7, '09:30').toISOString(),
            facility: 'City hospital (prison ward), Moscow',
            contents: 'Commissary account',
            amount: { amountMinor: 500_000, currency: 'RUB' },
          },
        ];
        for (const body of events) {
          const event = await this.contacts.insert(manager, caseId, body, lawyerId);
          await this.legalActions.proposeForContact(null, { caseId, event }, manager);
        }

        // The medical area seeds the incidents (order 40) and may leave their ids under these keys.
        const ambulance = await this.legalActions.proposeForMedicalIncident(
          {
            caseId,
            incidentId: ids.get('medical_incident:vorontsov:ambulance') ?? null,
            type: 'ambulance_call',
            severity: 'high',
            occurredAt: daysAfterArrest(0, '21:00').toISOString(),
            facility: IVS,
          },
          manager,
        );
        await this.legalActions.proposeForMedicalIncident(
          {
            caseId,
            incidentId: ids.get('medical_incident:vorontsov:hospitalisation') ?? null,
            type: 'hospitalisation',
            severity: 'high',
            occurredAt: daysAfterArrest(3, '02:00').toISOString(),
            facility: IVS,
          },
          manager,
        );
        // The team acted on the first: the motion for an independent doctor was filed on 10 May.
        const doctor = ambulance.find((action) => action.step === 'motion_independent_doctor');
        if (doctor) {
          await manager.query(`update legal_actions set status = 'filed', filed_at = $2 where id = $1`, [doctor.id, daysAfterArrest(2, '16:00')]);
        }
      },
    });
  }
}
