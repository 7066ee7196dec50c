/**
 * The axe-core check lives with the browser helpers (support/browser.ts: `expectNoSeriousAxe`, `seriousAxeViolations`);
 * this name stays for the tests that import it from here. `within` (a CSS selector) checks only that part of the page.
 */
export { seriousAxeViolations as seriousViolations } from './browser';
