/**
 * HTML → A4 PDF through the Debian `chromium` with puppeteer-core (STACK.md, PDF). Chromium is launched
 * once, lazily, and kept; a small pool of pages is reused, because a reused page prints in ≈140 ms while a
 * new one costs 0.6–0.9 s. Where Chromium is missing the service answers 503 with what to install; HTML
 * documents keep working.
 */
import { existsSync } from 'node:fs';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { DomainError } from '../common/domain-error';
import { Env } from '../config/env';

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const INSTALL_HINT =
  'install: apt-get install -y chromium fonts-paratype fonts-dejavu-core (and set CHROMIUM_PATH if it is not /usr/bin/chromium)';

/** Same margins as the templates' @page rule; the bottom one leaves room for the footer. */
const MARGIN = { top: '18mm', right: '15mm', bottom: '20mm', left: '25mm' };

const FOOTER_LABELS = {
  ru: (page: string, total: string) => `стр. ${page} из ${total}`,
  kk: (page: string, total: string) => `${page}-бет, барлығы ${total}`,
};

export interface PdfOptions {
  /** Page-number wording; read from <html lang> when not given. */
  lang?: 'kk' | 'ru';
  /** No footer and no margins; the page size is the CSS @page size (overlays such as the packet's page numbers). */
  bare?: boolean;
}

@Injectable()
export class PdfService implements OnModuleDestroy {
  static readonly POOL_SIZE = 2;

  private browser: Promise<Browser> | null = null;
  private readonly idle: Page[] = [];
  private readonly waiting: Array<(page: Page) => void> = [];
  private pages = 0;

  constructor(private readonly env: Env) {}

  get executablePath(): string {
    return this.env.CHROMIUM_PATH;
  }

  /** True when Chromium is installed and starts. */
  async available(): Promise<boolean> {
    if (!existsSync(this.executablePath)) return false;
    try {
      await this.launch();
      return true;
    } catch {
      return false;
    }
  }

  async renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
    const lang = options.lang ?? (/<html[^>]*\blang="(kk|ru)"/.exec(html)?.[1] as 'kk' | 'ru' | undefined) ?? 'ru';
    const stamp = escapeHtml(decodeEntities(/<meta name="document-footer" content="([^"]*)"/.exec(html)?.[1] ?? ''));
    const page = await this.acquire();
    let healthy = true;
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        ...(options.bare
          ? { preferCSSPageSize: true, margin: { top: '0', right: '0', bottom: '0', left: '0' } }
          : {
              format: 'A4' as const,
              margin: MARGIN,
              displayHeaderFooter: true,
              headerTemplate: '<span></span>',
              footerTemplate: footer(lang, stamp),
            }),
        printBackground: true,
        // Measured on the 4-page agreement (bench): tagging the PDF costs ≈ 30–40 ms a render, waiting for
        // fonts one more round-trip; the templates use installed fonts only (no @font-face, no network).
        tagged: false,
        waitForFonts: false,
      });
      return Buffer.from(pdf);
    } catch (e) {
      healthy = false;
      throw e;
    } finally {
      this.release(page, healthy);
    }
  }

  async onModuleDestroy(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    this.idle.length = 0;
    this.pages = 0;
    if (browser) await (await browser.catch(() => null))?.close();
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      if (!existsSync(this.executablePath)) {
        throw new DomainError(
          'service_unavailable',
          `PDF unavailable: Chromium not found at ${this.executablePath}; ${INSTALL_HINT}`,
          {
            executablePath: this.executablePath,
          },
        );
      }
      const launching = puppeteer.launch({ executablePath: this.executablePath, args: LAUNCH_ARGS, headless: true });
      this.browser = launching;
      launching
        .then((b) =>
          b.on('disconnected', () => {
            // Crashed or killed: forget it and its pages; the next render launches a new one.
            if (this.browser !== launching) return;
            this.browser = null;
            this.idle.length = 0;
            this.pages = 0;
          }),
        )
        .catch(() => {
          if (this.browser === launching) this.browser = null;
        });
    }
    return this.browser.catch((e: Error) => {
      throw new DomainError(
        'service_unavailable',
        `PDF unavailable: Chromium did not start (${e.message}); ${INSTALL_HINT}`,
      );
    });
  }

  private async acquire(): Promise<Page> {
    const browser = await this.launch();
    const page = this.idle.pop();
    if (page) return page;
    if (this.pages < PdfService.POOL_SIZE) {
      this.pages++;
      try {
        const fresh = await browser.newPage();
        // Documents are static: no scripts, no network.
        await fresh.setJavaScriptEnabled(false);
        await fresh.setOfflineMode(true);
        return fresh;
      } catch (e) {
        this.pages--;
        throw e;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(page: Page, healthy: boolean): void {
    if (!healthy) {
      this.pages--;
      page.close().catch(() => undefined);
      const next = this.waiting.shift();
      if (next) this.acquire().then(next, () => undefined);
      return;
    }
    const next = this.waiting.shift();
    if (next) next(page);
    else this.idle.push(page);
  }
}

/** Chromium's footer: its own tiny document, so fonts and size are set inline. */
function footer(lang: 'kk' | 'ru', stamp: string): string {
  const numbers = FOOTER_LABELS[lang]('<span class="pageNumber"></span>', '<span class="totalPages"></span>');
  return (
    `<div style="font-family:'PT Serif','DejaVu Serif',serif;font-size:7.5pt;color:#444;width:100%;margin:0 15mm 0 25mm;display:flex;justify-content:space-between;">` +
    `<span>${stamp}</span><span style="white-space:nowrap;padding-left:8pt">${numbers}</span></div>`
  );
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
