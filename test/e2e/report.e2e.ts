/**
 * The HTML report as a reader sees it: `pim-lint report` on the fixture project, rendered in
 * headless Chromium. It must not be blank, show the matrix and the findings, load nothing from
 * outside the file, and fit a laptop screen without a horizontal scroll of the page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { main } from '../../server/src/cli/main';

const ROOT = join(import.meta.dirname, '..', '..');
const PROJECT = join(ROOT, 'test', 'fixtures', 'projects', 'north-2026');
const OUT = join(ROOT, 'test-output', 'e2e');
const CHROMIUM = process.env.PIM_CHROMIUM ?? '/usr/bin/chromium';

test('the coverage report renders: matrix, findings and evidence, with no outside request', { timeout: 60_000 }, async () => {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, 'report.html');
  const code = await main(['report', '.', '-o', file], { cwd: PROJECT, stdout: () => {}, stderr: () => {} });
  assert.equal(code, 0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) outside.push(request.url());
    });
    await page.goto(pathToFileURL(file).href);
    await page.screenshot({ path: join(OUT, 'report.png') });
    const text = await page.evaluate(() => document.body.innerText);
    assert.ok(text.length > 2_000, 'the page has text');
    assert.match(text, /Project north-2026/);
    const matrices = await page.locator('table.matrix').count();
    assert.equal(matrices, 4, 'one matrix for the project and one per document');
    const colouredCells = await page.locator('table.matrix td.addressed, table.matrix td.weak').count();
    assert.ok(colouredCells > 10, `the matrices show coverage (${colouredCells} coloured cells)`);
    const firstCell = await page.locator('table.matrix td.addressed').first().evaluate((cell) => getComputedStyle(cell).backgroundColor);
    assert.notEqual(firstCell, 'rgba(0, 0, 0, 0)', 'the stylesheet is applied');
    assert.ok((await page.locator('table.findings tr').count()) > 5);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(pageWidth <= 1366, `the page fits the screen (${pageWidth} px)`);
    assert.deepEqual(outside, []);
  } finally {
    await browser.close();
  }
});
