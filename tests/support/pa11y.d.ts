// pa11y ships no types: what the tests use of it.
declare module 'pa11y' {
  import type { Browser } from 'puppeteer';

  interface Issue {
    code: string;
    type: 'error' | 'warning' | 'notice';
    message: string;
    selector: string;
    runner: string;
  }
  interface Options {
    standard?: 'WCAG2A' | 'WCAG2AA' | 'WCAG2AAA';
    runners?: ('axe' | 'htmlcs')[];
    browser?: Browser;
    timeout?: number;
  }
  export default function pa11y(url: string, options?: Options): Promise<{ issues: Issue[] }>;
}
