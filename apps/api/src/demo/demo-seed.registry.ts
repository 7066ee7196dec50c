import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Shared while seeding: the transaction, the demo password, and ids earlier steps created (by key). */
export interface DemoContext {
  manager: EntityManager;
  password: string;
  passwordHash: string;
  ids: Map<string, string>;
}

export interface DemoStep {
  /** Lower runs first: users 10, cases 20, documents 30, medical 40, money 50, contact 60. */
  order: number;
  name: string;
  seed(context: DemoContext): Promise<void>;
}

/** Each area registers its demo rows here (in onModuleInit); the seeder runs them in order, in one transaction. */
@Injectable()
export class DemoSeedRegistry {
  private readonly steps: DemoStep[] = [];
  private readonly rules: Array<() => Promise<unknown>> = [];

  register(step: DemoStep): void {
    this.steps.push(step);
  }

  /**
   * A rule the seeded facts may warrant (no medical news, no contact): run once after the seed commits, the way
   * its scheduled job would, so the demo starts with the alerts its facts call for instead of hand-made ones.
   */
  afterSeed(rule: () => Promise<unknown>): void {
    this.rules.push(rule);
  }

  afterSeedRules(): ReadonlyArray<() => Promise<unknown>> {
    return this.rules;
  }

  ordered(): DemoStep[] {
    return [...this.steps].sort((a, b) => a.order - b.order);
  }
}
