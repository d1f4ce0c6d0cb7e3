/// <reference lib="dom" />
/**
 * The workplace in a real browser: the Debian Chromium driven by puppeteer-core (as the PDFs are), against the
 * real application listening on a local port with a real SQLite file (startTestApp). Helpers for what every page
 * test checks: axe-core (0 serious or critical violations), no sideways scrolling at 1280 px and 390 px, no
 * Content-Security-Policy violation or script error in the console, and a screenshot of the page written to
 * test-artifacts/screenshots (not committed; look at them).
 */
import axe from 'axe-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { UserRole } from '../../src/auth/principal';
import { startTestApp, type TestApp } from './app';

export const WIDTHS = { desktop: 1280, phone: 390 } as const;
export type Width = keyof typeof WIDTHS;
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');

export interface BrowserTest {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A new page (its own cookies: a new browser context) at this width, collecting console problems. */
  page(width?: Width): Promise<Page>;
  close(): Promise<void>;
}

const problems = new WeakMap<Page, string[]>();

export async function startBrowserTest(opts: Parameters<typeof startTestApp>[0] = {}): Promise<BrowserTest> {
  const t = await startTestApp(opts);
  await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
  const port = (t.http.address() as { port: number }).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--font-render-hinting=none'],
    headless: true,
  });
  return {
    t,
    baseUrl,
    browser,
    async page(width: Width = 'desktop') {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: WIDTHS[width], height: 900 });
      page.setDefaultTimeout(15_000);
      const seen: string[] = [];
      problems.set(page, seen);
      page.on('console', (m) => {
        if (m.type() === 'error') seen.push(m.text());
      });
      page.on('pageerror', (e) => seen.push(String(e)));
      return page;
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** Console errors and CSP violations seen on this page so far (a page test expects none). */
export const consoleProblems = (page: Page): string[] => problems.get(page) ?? [];

/** Signs in through the form as the cast member of this role, by typing and clicking as a user does. */
export async function signIn(b: BrowserTest, page: Page, role: UserRole, next = ''): Promise<void> {
  const user = b.t.users[role];
  await page.goto(`${b.baseUrl}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.type('#login', user.login);
  await page.type('#password', user.password);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type=submit]')]);
}

/** Switches the page's language with the switch in the header (and waits for the page again). */
export async function switchLanguage(page: Page, lang: 'kk' | 'ru' | 'en'): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(`.lang-switch button[value="${lang}"]`)]);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core on the page as it is now: the serious and critical violations (expected: none). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) does not apply to it
  await page.evaluate(axe.source);
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** How far the page scrolls sideways (expected: 0 at either width). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Saves a full-page screenshot as test-artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
  await page.screenshot({ path: path, fullPage: true });
  return path;
}

/**
 * Everything a page must pass, at the width it is shown at: axe (0 serious/critical), no sideways scroll, no
 * console error or CSP violation; and its screenshot. Returns the problems as text lines (expected: []).
 */
export async function checkPage(page: Page, name: string): Promise<string[]> {
  const out: string[] = [];
  for (const v of await seriousViolations(page))
    out.push(`${name}: axe ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
  const overflow = await horizontalOverflow(page);
  if (overflow > 0) {
    // the elements that reach past the right edge (the deepest ones: the culprits, not their containers)
    const culprits = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // inside a box that scrolls or clips sideways (a table's .table-wrap), being wide is allowed
      const clipped = (e: Element): boolean => {
        for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
          if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return true;
        return false;
      };
      const wide = [...document.querySelectorAll('body *')].filter(
        (e) => e.getBoundingClientRect().right > width + 1 && !clipped(e),
      );
      return wide
        .filter((e) => !wide.some((other) => other !== e && e.contains(other)))
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')}`);
    });
    out.push(`${name}: scrolls sideways by ${overflow}px at ${page.viewport()?.width}px (${culprits.join(', ')})`);
  }
  for (const p of consoleProblems(page)) out.push(`${name}: console: ${p}`);
  consoleProblems(page).length = 0;
  await screenshot(page, name);
  return out;
}
