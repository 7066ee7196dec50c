import { Injectable, OnModuleInit } from '@nestjs/common';
import { DemoSeedRegistry } from '../demo/demo-seed.registry';

const day = 24 * 3600 * 1000;

/** The public side of the demo case: two vetted updates, one awaiting a second lawyer, and where letters go. */
@Injectable()
export class PublicCaseDemo implements OnModuleInit {
  constructor(private readonly registry: DemoSeedRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      order: 70,
      name: 'public case',
      seed: async ({ manager, ids }) => {
        const vorontsov = ids.get('case:vorontsov')!;
        const lawyer = ids.get('user:lawyer')!;
        const admin = ids.get('user:admin')!;
        const medic = ids.get('user:medic')!;
        // Letters go to the place of detention named by the latest custody event.
        await manager.query(
          `update facilities set
              address = case when address = '' then '127055, г. Москва, ул. Новослободская, д. 45, ФКУ СИЗО-1 УФСИН России по г. Москве' else address end,
              correspondence_rules = $2
            where id = (select facility_id from custody_events where case_id = $1 and facility_id is not null order by occurred_at desc limit 1)`,
          [
            vorontsov,
            'На конверте укажите фамилию, имя, отчество и год рождения адресата. Передачи принимаются по записи, не более 30 кг в месяц; продукты — в прозрачной упаковке.',
          ],
        );
        const update = (language: string, title: string, body: string, author: string, approver: string | null, daysAgo: number) =>
          manager.query(
            `insert into case_updates (case_id, language, title, body, status, author_id, approved_by, published_at, created_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [
              vorontsov,
              language,
              title,
              body,
              approver ? 'published' : 'draft',
              author,
              approver,
              approver ? new Date(Date.now() - daysAgo * day) : null,
              new Date(Date.now() - (daysAgo + 1) * day),
            ],
          );
        await update(
          'ru',
          'Суд продлил арест до 20 декабря',
          'Суд продлил Владимиру Воронцову меру пресечения в виде заключения под стражу до 20 декабря. Защита обжалует это решение: апелляционная жалоба подана, заседание назначено на 6 декабря.\n\nСпасибо всем, кто пришёл в суд.',
          lawyer,
          admin,
          19,
        );
        await update(
          'ru',
          'Как поддержать Владимира письмом',
          'Владимир сейчас в СИЗО-1. Письма доходят, он отвечает на каждое. Адрес и правила — ниже на этой странице.',
          lawyer,
          admin,
          6,
        );
        await update(
          'en',
          'Custody extended until 20 December',
          'The court extended Vladimir Vorontsov’s detention until 20 December. The defence has appealed; the appeal hearing is set for 6 December.',
          lawyer,
          admin,
          19,
        );
        await update(
          'ru',
          'Врачи СИЗО не приняли жалобу на давление',
          'Черновик: медицинская часть СИЗО отказалась принять жалобу защиты. Ждёт проверки адвокатом перед публикацией.',
          medic,
          null,
          1,
        );
      },
    });
  }
}
