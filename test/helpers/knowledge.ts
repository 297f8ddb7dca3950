/** The shipped knowledge, loaded once for all tests of a file. */
import { bundledKnowledge } from '../../server/src/bundled-knowledge';
export const knowledge = bundledKnowledge();
