import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DemoSeedRegistry } from '../demo/demo-seed.registry';
import { FileStore } from '../documents/file-store';
import { demoSupporterPhoto } from './demo-photo';
import { SolidarityRepository } from './solidarity.repository';

/**
 * Supporters of the demo case: two approved messages (police officers keep their names and faces out of it), the
 * first with a photo, and one waiting for review.
 */
@Injectable()
export class SolidarityDemo implements OnModuleInit {
  constructor(
    private readonly registry: DemoSeedRegistry,
    private readonly posts: SolidarityRepository,
    private readonly store: FileStore,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      order: 72,
      name: 'solidarity posts',
      seed: async ({ manager, ids }) => {
        const caseId = ids.get('case:vorontsov')!;
        const admin = ids.get('user:admin')!;
        const photo = await this.store.put(Readable.from([await demoSupporterPhoto()]));
        const posts: Array<[string, 'approved' | 'pending', number, string | null]> = [
          ['Служили вместе. Владимир всегда стоял за своих — теперь наша очередь. #СвободуВоронцову', 'approved', 12, photo.key],
          ['Держитесь, Владимир Сергеевич! Мы помним, что вы делали для района.', 'approved', 5, null],
          ['Я из соседнего отдела, лица не покажу, но я с вами. Когда следующее заседание?', 'pending', 1, null],
        ];
        for (const [message, status, daysAgo, photoKey] of posts) {
          const id = randomUUID();
          await this.posts.insert({ id, caseId, message, photoKey }, manager);
          await manager.query(
            `update solidarity_posts set status = $2, posted_on = current_date - $3::int, moderated_by = $4, moderated_at = case when $2 = 'approved' then now() end where id = $1`,
            [id, status, daysAgo, status === 'approved' ? admin : null],
          );
        }
      },
    });
  }
}
