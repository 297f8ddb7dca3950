import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PhraseMatcher } from '../../server/src/engine/text/phrase-matcher';
import { tokenize, phraseKey } from '../../server/src/engine/text/normalize';

function found(phrases: string[], text: string): string[] {
  const matcher = new PhraseMatcher<string>();
  for (const p of phrases) matcher.add(p, p);
  return matcher.findAll(tokenize(text)).map((m) => `${m.payload}@${text.slice(m.start, m.end)}`);
}

test('matching ignores case, accents, hyphens and British/American spelling', () => {
  assert.deepEqual(found(['people-centred'], 'A People Centered approach'), ['people-centred@People Centered']);
  assert.deepEqual(found(['évaluation des risques'], 'Une EVALUATION DES RISQUES complète'), ['évaluation des risques@EVALUATION DES RISQUES']);
  assert.deepEqual(found(['anonymisation'], 'data anonymization'), ['anonymisation@anonymization']);
  assert.deepEqual(found(['process and analyse'], 'we process and analyze'), ['process and analyse@process and analyze']);
});

test('a final plural is tolerated, but words must be whole', () => {
  assert.deepEqual(found(['consent form'], 'signed consent forms'), ['consent form@consent forms']);
  assert.deepEqual(found(['referral'], 'referrals were made'), ['referral@referrals']);
  assert.deepEqual(found(['harm'], 'pharmacy and harmonised'), []);
});

test('acronyms written in capitals only match capitals', () => {
  assert.deepEqual(found(['DSA'], 'sign the DSA'), ['DSA@DSA']);
  assert.deepEqual(found(['DSA'], 'the dsa is lower case'), []);
});

test('phrase keys fold apostrophes, hyphens and inflections', () => {
  assert.equal(phraseKey("Partage de l'information"), phraseKey('partage de l information'));
  assert.equal(phraseKey('Data-sharing  agreement'), phraseKey('data sharing agreements'));
  assert.equal(phraseKey('shared'), phraseKey('sharing'));
  assert.notEqual(phraseKey('consent'), phraseKey('content'));
});

test('inflected forms match each other in English, French and Spanish', () => {
  assert.deepEqual(found(['share data'], 'we shared data'), ['share data@shared data']);
  assert.deepEqual(found(['données collectées'], 'la donnée collectée'), ['données collectées@donnée collectée']);
  assert.deepEqual(found(['recolección de datos'], 'las recolecciones de datos'), ['recolección de datos@recolecciones de datos']);
});

test('Arabic words are tokenised and diacritics ignored', () => {
  assert.deepEqual(found(['عدم الإضرار'], 'مبدأ عدمُ الإضرار مهم'), ['عدم الإضرار@عدمُ الإضرار']);
});
