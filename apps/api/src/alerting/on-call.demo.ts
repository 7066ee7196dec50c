import { Injectable, OnModuleInit } from '@nestjs/common';
import { DemoSeedRegistry } from '../demo/demo-seed.registry';
import type { RotaShift } from './on-call-rules';
import { OnCallRepository } from './on-call.repository';

/**
 * The demo case's rota, as a team with one medic runs it: she is on duty round the clock, and an alert she has not
 * acknowledged within 15 minutes goes to everyone with medical rights and the admins.
 */
@Injectable()
export class OnCallDemo implements OnModuleInit {
  constructor(
    private readonly registry: DemoSeedRegistry,
    private readonly onCall: OnCallRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      order: 74,
      name: 'on-call rota',
      seed: async ({ manager, ids }) => {
        const medic = ids.get('user:medic')!;
        const shifts: RotaShift[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ userId: medic, weekday, startMinute: 0, endMinute: 1440 }));
        await this.onCall.savePolicy(ids.get('case:vorontsov')!, 15, shifts, manager);
      },
    });
  }
}
