import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Role } from '@habeas/contracts';
import { DemoSeedRegistry } from '../demo/demo-seed.registry';
import { UserEntity } from './user.entity';

export const demoUsers: Array<{ key: string; email: string; name: string; role: Role; advocateRegistryNumber?: string }> = [
  { key: 'user:admin', email: 'admin@demo.local', name: 'Кузнецова Анна Павловна', role: 'admin' },
  { key: 'user:lawyer', email: 'lawyer@demo.local', name: 'Белов Сергей Николаевич', role: 'lawyer', advocateRegistryNumber: '77/15342' },
  { key: 'user:lawyer2', email: 'lawyer2@demo.local', name: 'Морозова Ольга Игоревна', role: 'lawyer', advocateRegistryNumber: '77/20871' },
  { key: 'user:medic', email: 'medic@demo.local', name: 'Лебедева Ирина Викторовна', role: 'medical' },
  { key: 'user:finance', email: 'finance@demo.local', name: 'Волков Павел Андреевич', role: 'finance' },
];

/** The demo users of CONTRACT §3, all with the demo password. */
@Injectable()
export class UsersDemo implements OnModuleInit {
  constructor(private readonly registry: DemoSeedRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      order: 10,
      name: 'users',
      seed: async ({ manager, passwordHash, ids }) => {
        for (const demo of demoUsers) {
          const saved = await manager.getRepository(UserEntity).save({ email: demo.email, name: demo.name, role: demo.role, passwordHash });
          ids.set(demo.key, saved.id);
          if (demo.advocateRegistryNumber) {
            await manager.query(`update users set advocate_registry_number = $2 where id = $1`, [saved.id, demo.advocateRegistryNumber]);
          }
        }
      },
    });
  }
}
