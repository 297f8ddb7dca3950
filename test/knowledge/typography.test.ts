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
