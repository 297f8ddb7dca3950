/** French text that our templates produce follows French typography; the test says where a no-break space is missing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { knowledge } from '../helpers/knowledge';
import { frenchTypographyProblems } from '../helpers/typography';

test('every French template of messages.json has a no-break space before : ; ! ? and inside « »', () => {
  const problems = Object.entries(knowledge.messages).flatMap(([key, text]) => frenchTypographyProblems(text.fr ?? '').map((where) => `${key}: ${where}`));
  assert.deepEqual(problems, [], 'write a no-break space (U+00A0) at these places of the French templates in server/knowledge/messages.json');
});

test('the check finds a plain space before a colon and a missing one inside guillemets, and leaves code and addresses alone', () => {
  assert.equal(frenchTypographyProblems('Voir aussi : « Ne pas nuire »').length, 3);
  assert.deepEqual(frenchTypographyProblems('Déclarez `pim: {kind: none}` ; voir https://pim.guide/\u00a0!'), ['"Déclarez   ; v"']);
});

test('French glossary definitions and the texts of the PIM Process follow the same typography', () => {
  const glossary = knowledge.terms.flatMap((t) => frenchTypographyProblems(t.definition.fr ?? '').map((where) => `glossary.json ${t.id}: ${where}`));
  const process = [
    { id: 'prescriptiveNote', text: knowledge.prescriptiveNote.fr },
    ...knowledge.steps.map((s) => ({ id: s.id, text: s.description.fr })),
    ...knowledge.substeps.flatMap((s) => [s.description, ...s.purposes, ...s.activities.map((a) => a.meaning)].map((text) => ({ id: s.id, text: text.fr }))),
  ].flatMap(({ id, text }) => frenchTypographyProblems(text ?? '').map((where) => `process.json ${id}: ${where}`));
  assert.deepEqual([...glossary, ...process], [], 'write a no-break space (U+00A0) at these places');
});
