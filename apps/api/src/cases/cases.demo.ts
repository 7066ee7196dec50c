import { Injectable, OnModuleInit } from '@nestjs/common';
import { DemoSeedRegistry } from '../demo/demo-seed.registry';
import { CaseEntity } from './case.entity';
import { CaseMemberEntity } from './case-member.entity';

/** The two demo cases of CONTRACT §3 and who is a member of which. */
@Injectable()
export class CasesDemo implements OnModuleInit {
  constructor(private readonly registry: DemoSeedRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      order: 20,
      name: 'cases',
      seed: async ({ manager, ids }) => {
        const cases = manager.getRepository(CaseEntity);
        const vorontsov = await cases.save({
          slug: 'vorontsov',
          title: 'Vladimir Vorontsov',
          isPublic: true,
          publicSummary:
            'Vladimir Vorontsov, administrator of the online community "Police Ombudsman", which publishes reports of abuse ' +
            'within the Interior Ministry, was jailed by the Tver District Court of Moscow on extortion charges on 8 May. ' +
            'He pleaded not guilty and says the charges are revenge for defending the labour rights of rank-and-file officers. ' +
            'Your donation pays for his lawyers, medical care in detention, and parcels.',
        });
        const second = await cases.save({
          slug: 'second-case',
          title: 'Second case',
          isPublic: false,
          publicSummary: 'A smaller case the team also supports.',
        });
        ids.set('case:vorontsov', vorontsov.id);
        ids.set('case:second-case', second.id);
        const members = manager.getRepository(CaseMemberEntity);
        await members.insert([
          { caseId: vorontsov.id, userId: ids.get('user:admin')!, roleOnCase: 'coordinator' },
          { caseId: vorontsov.id, userId: ids.get('user:lawyer')!, roleOnCase: 'lead_counsel' },
          { caseId: vorontsov.id, userId: ids.get('user:medic')!, roleOnCase: 'medical_coordinator' },
          { caseId: second.id, userId: ids.get('user:admin')!, roleOnCase: 'coordinator' },
          { caseId: second.id, userId: ids.get('user:lawyer2')!, roleOnCase: 'lead_counsel' },
        ]);
      },
    });
  }
}
