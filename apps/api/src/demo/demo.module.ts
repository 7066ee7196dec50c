import { Global, Module } from '@nestjs/common';
import { DemoSeedRegistry } from './demo-seed.registry';
import { DemoSeeder } from './demo-seeder';

@Global()
@Module({ providers: [DemoSeedRegistry, DemoSeeder], exports: [DemoSeedRegistry, DemoSeeder] })
export class DemoModule {}
