/** The pim-lint command line: parses arguments, runs the engine, prints, returns the exit code. */
import { bundledKnowledge } from '../bundled-knowledge';
import { KnowledgeError } from '../engine/knowledge/load';
import { knowledgeAsJson } from './print-knowledge';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

const USAGE = `Usage: pim-lint [options] [paths or globs...]

Options:
  --print-knowledge   print the whole PIM knowledge base as JSON
  -h, --help          show this help
  -v, --version       show the version`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    if (argv.includes('-h') || argv.includes('--help')) {
      io.stdout(`${USAGE}\n`);
      return EXIT_OK;
    }
    const knowledge = bundledKnowledge();
    if (argv.includes('-v') || argv.includes('--version')) {
      io.stdout(`pim-lint (knowledge ${knowledge.version})\n`);
      return EXIT_OK;
    }
    if (argv.includes('--print-knowledge')) {
      io.stdout(`${knowledgeAsJson(knowledge)}\n`);
      return EXIT_OK;
    }
    io.stderr(`pim-lint: nothing to do.\n${USAGE}\n`);
    return EXIT_USAGE;
  } catch (error) {
    if (error instanceof KnowledgeError) {
      io.stderr(`pim-lint: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
