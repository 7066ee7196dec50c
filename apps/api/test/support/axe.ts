import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Serious and critical axe-core violations on the page as it is now, or only inside `within` (a CSS selector); the
 * context needs `bypassCSP` to inject axe.
 */
export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async (selector) => {
    const result = await (
      globalThis as unknown as { axe: { run(context?: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }
    ).axe.run(selector ? { include: [selector] } : undefined);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      count: v.nodes.length,
      where: JSON.stringify((v.nodes as Array<{ target: unknown }>).map((n) => n.target)),
    }));
  }, within);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.count}): ${v.where.slice(0, 300)}`);
}
