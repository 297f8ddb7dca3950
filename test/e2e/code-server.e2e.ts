/** The packaged extension in a real VS Code workbench (code-server) driven through headless Chromium. */
import { describe, test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { packageVsix, pimOutputChannel, startWorkbench, type Workbench } from './helpers/workbench';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const TIMEOUT = 60_000;

/** Waits until the element's text matches; fails with what it last saw. */
async function waitForText(page: Page, selector: string, pattern: RegExp, what: string): Promise<string> {
  try {
    await page.waitForFunction(
      ([sel, source, flags]) => [...document.querySelectorAll(sel as string)].some((el) => new RegExp(source as string, flags as string).test((el as HTMLElement).innerText.replace(/\u00a0/g, ' '))),
      [selector, pattern.source, pattern.flags],
      { timeout: TIMEOUT },
    );
  } catch {
    const seen = await page.locator(selector).allInnerTexts().catch(() => []);
    assert.fail(`${what}: ${pattern} did not appear in ${selector}; saw:\n${seen.join('\n---\n').slice(0, 3000)}`);
  }
  return (await page.locator(selector).allInnerTexts()).join('\n').replace(/\u00a0/g, ' ');
}

/** Puts the keyboard focus in the editor, whatever widget or panel had it. */
async function focusEditor(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
}

/** Waits for a row of a view that matches; fails with the rows it saw. */
async function waitForRow(rows: Locator, pattern: RegExp, what: string): Promise<void> {
  try {
    await rows.filter({ hasText: pattern }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  } catch {
    assert.fail(`${what}: no row matched ${pattern}; saw:\n${(await rows.allInnerTexts().catch(() => [])).join('\n')}`);
  }
}

async function waitForNoText(page: Page, selector: string, pattern: RegExp, what: string): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, source, flags]) => ![...document.querySelectorAll(sel as string)].some((el) => new RegExp(source as string, flags as string).test((el as HTMLElement).innerText.replace(/\u00a0/g, ' '))),
      [selector, pattern.source, pattern.flags],
      { timeout: TIMEOUT },
    );
  } catch {
    assert.fail(`${what}: ${pattern} is still shown in ${selector}`);
  }
}

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget', { state: 'visible' });
  await page.keyboard.type(name);
  // The list first shows recently opened files: Enter only once the filtered, focused row is the one asked for.
  await waitForText(page, '.quick-input-list .monaco-list-row.focused', new RegExp(name.replace('.', '\\.')), 'quick open');
  await page.keyboard.press('Enter');
  await waitForText(page, '.tabs-container .tab.active', new RegExp(name.replace('.', '\\.')), 'editor tab');
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
}

/** Waits for a widget's fade-in to end, so that its screenshot is legible. */
async function settled(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      for (let node = document.querySelector(sel); node; node = node.parentElement) if (getComputedStyle(node).opacity !== '1') return false;
      return document.querySelector(sel) !== null;
    },
    selector,
    { timeout: TIMEOUT },
  );
}

/** Chooses an entry of the quick-fix menu with the keyboard, as a user would. */
async function pickAction(page: Page, title: string): Promise<void> {
  const rows = (await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' ').trim());
  const actionable = rows.filter((t) => t !== '' && !/^Quick Fix$/.test(t));
  const index = actionable.indexOf(title);
  assert.ok(index >= 0, `"${title}" is not in the quick-fix menu: ${actionable.join(' | ')}`);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

async function goToLine(page: Page, line: number): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget', { state: 'visible' });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
}

async function showProblems(page: Page): Promise<void> {
  if (!(await page.locator('.markers-panel').isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel', { state: 'visible' });
}

const PROBLEMS = '.markers-panel';

/**
 * Types into the Problems panel's filter box. The panel renders only the rows that fit on
 * screen, so a check for one diagnostic first narrows the list to it.
 */
async function filterProblems(page: Page, text: string): Promise<void> {
  const input = page.locator('.panel .viewpane-filter input').first();
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(text);
}

let current: Workbench | undefined;
const failures: string[] = [];

/** A test that, when it fails, leaves a screenshot of the moment and marks the run for log printing. */
function test(name: string, run: () => Promise<void>): void {
  nodeTest(name, async () => {
    try {
      await run();
    } catch (error) {
      failures.push(name);
      await current?.shot(`FAILED-${name.replace(/[^\w]+/g, '-').slice(0, 60)}`).catch(() => undefined);
      throw error;
    }
  });
}

function report(bench: Workbench, label: string): void {
  bench.saveLogs(label);
  if (failures.length > 0) process.stderr.write(`\n${label}: failed: ${failures.join('; ')}\ncode-server log:\n${bench.serverLog()}\nPIM output channel logs: ${pimOutputChannel(bench.userData) || 'none'} (copied to test-output/e2e/${label}-logs)\n`);
}

let vsix: string | undefined;

/** One workbench per suite, started before its tests and stopped (logs saved) after them. */
function useWorkbench(label: string, trusted: boolean): () => Workbench {
  let bench: Workbench | undefined;
  before(async () => {
    vsix ??= packageVsix();
    bench = await startWorkbench({ vsix, fixtures: FIXTURES, trusted });
    current = bench;
  });
  after(async () => {
    if (!bench) return;
    report(bench, label);
    await bench.stop();
  });
  return () => bench as Workbench;
}

describe('VS Code (code-server 4.100.3) with the .vsix installed, trusted folder', () => {
  const workbench = useWorkbench('trusted', true);

  test('the Problems panel shows the PIM diagnostics of a fixture document, by rule id and message', async () => {
    const { page } = workbench();
    await openFile(page, 'referral-sop.md');
    await showProblems(page);
    await waitForText(page, PROBLEMS, /pim\s*\(?\s*principle-unaddressed/, 'Problems panel');
    await filterProblems(page, 'required-section');
    const text = await waitForText(page, PROBLEMS, /This Referral SOP has no "Referral procedure" section, which it requires/, 'Problems panel filtered by rule id');
    assert.match(text, /pim\s*\(?\s*required-section/);
    assert.doesNotMatch(text, /principle-unaddressed\)/);
    await workbench().shot('01-problems-panel');
  });

  test('hovering a glossary term shows its definition', async () => {
    const { page } = workbench();
    await goToLine(page, 9);
    await page.keyboard.press('End');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = await waitForText(page, '.monaco-hover', /Informed consent · PIM term/, 'hover');
    assert.match(hover, /free and specific agreement/);
    await settled(page, '.monaco-hover');
    await workbench().shot('02-hover-glossary-term');
    await page.keyboard.press('Escape');
  });

  test('the status bar item and the coverage code lens show the numbers', async () => {
    const { page } = workbench();
    const status = await waitForText(page, '.statusbar-item', /PIM: Referral SOP · \d\/5 · \d\/2/, 'status bar');
    assert.match(status, /PIM: Referral SOP · 0\/5 · 0\/2/);
    const lens = await waitForText(page, '.codelens-decoration', /PIM: Principles \d\/5 · Process \d\/2 · 3 required sections missing/, 'code lens');
    assert.match(lens, /PIM: Principles 0\/5 · Process 0\/2 · 3 required sections missing/);
    await workbench().shot('03-status-bar-and-code-lens');
  });

  test('applying the "insert missing section" quick fix removes that diagnostic', async () => {
    const { page } = workbench();
    await goToLine(page, 5);
    await page.keyboard.press('Control+.');
    const menu = await waitForText(page, '.action-widget', /Insert the "Referral procedure" section/, 'quick fix menu');
    assert.match(menu, /Disable required-section for this file/);
    await workbench().shot('04-quick-fix-menu');
    await pickAction(page, 'Insert the "Referral procedure" section');
    await waitForText(page, '.editor-instance .view-lines', /## Referral procedure\n/, 'inserted section');
    await waitForNoText(page, PROBLEMS, /no "Referral procedure" section/, 'Problems panel after the fix');
    // The skeleton's consent step also counts for "Consent for referral": fewer than three are left.
    await waitForText(page, '.codelens-decoration', /PIM: Principles \d\/5 · Process \d\/2 · [12] required sections? missing/, 'code lens after the fix');
    await workbench().shot('05-after-quick-fix');
  });

  test('typing a snippet prefix and accepting it inserts the skeleton', async () => {
    const { page } = workbench();
    await focusEditor(page);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('pim-risk-table');
    await page.keyboard.press('Control+Space');
    await waitForText(page, '.suggest-widget', /pim-risk-table/, 'suggest widget');
    await workbench().shot('06-snippet-suggestion');
    await page.keyboard.press('Enter');
    await waitForText(page, '.editor-instance .view-lines', /\| risk \| likelihood \| impact \| mitigation \| owner \|/, 'inserted snippet');
    await workbench().shot('07-snippet-inserted');
  });

  test('the PIM Coverage view lists the document with its steps and principles, and a click opens the place', async () => {
    const { page } = workbench();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+E');
    // The file tree above takes the whole side bar: fold it so the view has room to render.
    const files = page.locator('.pane-header[aria-expanded="true"]', { hasText: /^\s*workspace/i });
    if ((await files.count()) > 0) await files.first().click();
    const header = page.locator('.pane-header', { hasText: 'PIM Coverage' });
    await header.waitFor({ state: 'visible', timeout: TIMEOUT });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'PIM Coverage' }) }).locator('.monaco-list-row');
    await waitForRow(view, /referral-sop\.md/, 'coverage view document');
    // The row's own click opens the document; its twistie unfolds it.
    await view.filter({ hasText: 'referral-sop.md' }).first().locator('.monaco-tl-twistie').click();
    await waitForRow(view, /Assess Information Landscape/, 'coverage view steps');
    const rows = (await view.allInnerTexts()).join('\n');
    assert.match(rows, /Do no harm/);
    assert.match(rows, /missing|addressed|mentioned in passing/);
    await workbench().shot('08-coverage-view');
    await view.filter({ hasText: 'Do no harm' }).first().click();
    await waitForText(page, '.tabs-container .tab.active', /referral-sop\.md/, 'editor opened from the view');
  });

  test('a plain Markdown file (not PIM) shows no PIM diagnostics', async () => {
    const { page } = workbench();
    await openFile(page, 'plain-notes.md');
    // The server answers documents in the order they open: once the marker, opened after the
    // plain file, has its problems, the plain file has been checked too.
    await openFile(page, 'marker.md');
    await showProblems(page);
    await filterProblems(page, '');
    await waitForText(page, PROBLEMS, /marker\.md/, 'Problems panel with the marker document');
    await focusEditor(page);
    await openFile(page, 'plain-notes.md');
    const text = (await page.locator(PROBLEMS).allInnerTexts()).join('\n');
    assert.doesNotMatch(text, /plain-notes\.md/);
    assert.equal(await page.locator('.tabs-container .tab.active .monaco-icon-label-container').innerText().then((t) => /\d/.test(t)), false);
    await workbench().shot('09-plain-markdown-no-diagnostics');
  });
});

describe('VS Code in restricted mode (untrusted folder)', () => {
  const workbench = useWorkbench('restricted', false);

  test('diagnostics still appear', async () => {
    const { page } = workbench();
    await waitForText(page, '.statusbar, .monaco-workbench', /Restricted Mode/i, 'restricted mode indicator');
    await openFile(page, 'referral-sop.md');
    await showProblems(page);
    // The panel first, then the filter: a filter typed while the panel is still being restored can be lost (seen once in CI).
    await waitForText(page, PROBLEMS, /pim\s*\(?\s*principle-unaddressed/, 'Problems panel in restricted mode');
    await filterProblems(page, 'required-section');
    await waitForText(page, PROBLEMS, /pim\s*\(?\s*required-section/, 'Problems panel in restricted mode, filtered by rule id');
    await workbench().shot('09-restricted-mode-diagnostics');
  });
});
