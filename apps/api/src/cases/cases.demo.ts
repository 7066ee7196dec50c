import { Injectable, OnModuleInit } from '@nestjs/common';
import { DemoSeedRegistry } from '../demo/demo-seed.registry';
import { CaseEntity } from './case.entity';
import { CaseMemberEntity } from './case-member.entity';

/** The demo case's public title and summary, as the team writes them in Russian and in English. */
export const DEMO_TITLE = { ru: 'Владимир Воронцов', en: 'Vladimir Vorontsov' };
export const DEMO_SUMMARY = {
  ru:
    'Владимир Воронцов, администратор интернет-сообщества «Полицейский омбудсмен», которое публикует сообщения о злоупотреблениях в МВД, ' +
    '8 мая арестован Тверским районным судом Москвы по обвинению в вымогательстве. Вину он не признаёт и считает обвинение местью ' +
    'за защиту трудовых прав рядовых сотрудников полиции. Ваше пожертвование оплачивает работу адвокатов, медицинскую помощь под стражей и передачи.',
  en:
    'Vladimir Vorontsov, administrator of the online community "Police Ombudsman", which publishes reports of abuse ' +
    'within the Interior Ministry, was jailed by the Tver District Court of Moscow on extortion charges on 8 May. ' +
    'He pleaded not guilty and says the charges are revenge for defending the labour rights of rank-and-file officers. ' +
    'Your donation pays for his lawyers, medical care in detention, and parcels.',
};

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
          title: DEMO_TITLE.ru,
          titleEn: DEMO_TITLE.en,
          isPublic: true,
          publicSummary: DEMO_SUMMARY.ru,
          publicSummaryEn: DEMO_SUMMARY.en,
        });
        const second = await cases.save({
          slug: 'second-case',
          title: 'Дело Смирнова',
          titleEn: 'The Smirnov case',
          isPublic: false,
          publicSummary: 'Небольшое дело, которое команда тоже ведёт.',
          publicSummaryEn: 'A smaller case the team also supports.',
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
