/**
 * Pure: the PIM Matrix category a document works in, which decides what its Matrix row lets it
 * share. Declared in `pim.category`, else the one category of its kind (a protection monitoring
 * SOP), else the one category its title names ("Case management SOP"). Nothing is guessed from
 * the body: a sharing agreement speaks of several categories, and a wrong category would quote
 * the wrong row at the reviewer.
 */
import type { Category, DocumentKind } from '../knowledge/types';
import type { Knowledge } from '../knowledge/load';
import type { DocumentModel } from '../model/build-model';
import { titleTokens } from './infer-kind';
import type { Matchers } from './matchers';

export type CategorySource = 'declared' | 'kind' | 'title' | 'none';

export interface CategoryChoice {
  readonly category: Category | undefined;
  readonly source: CategorySource;
}

export function chooseCategory(
  declaredId: string | undefined,
  kind: DocumentKind | undefined,
  model: DocumentModel,
  matchers: Matchers,
  knowledge: Knowledge,
): CategoryChoice {
  const byId = (id: string | undefined): Category | undefined => knowledge.categories.find((c) => c.id === id);
  const declared = byId(declaredId);
  if (declared) return { category: declared, source: 'declared' };
  // A declared but unknown category is an error of its own; no other category stands in for it.
  if (declaredId !== undefined) return { category: undefined, source: 'none' };
  if (kind?.categories.length === 1) return { category: byId(kind.categories[0]), source: 'kind' };
  const allowed = kind && kind.categories.length > 0 ? new Set(kind.categories) : undefined;
  const named = new Set<string>();
  for (const tokens of titleTokens(model)) {
    for (const m of matchers.categoryTitles.findAll(tokens)) if (!allowed || allowed.has(m.payload)) named.add(m.payload);
  }
  const [only] = named;
  return named.size === 1 ? { category: byId(only), source: 'title' } : { category: undefined, source: 'none' };
}
