/** `.pimrc.json` on the local disk, for the language service: the resolver on OS paths, answered on URIs. */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fsPath } from '../node-host';
import { NO_CONFIG, type ConfigSource } from '../service/config-source';
import { ConfigResolver, type ConfigProblem } from './pimrc';

export function nodeConfigSource(ruleIds: readonly string[]): ConfigSource {
  const resolver = new ConfigResolver({ readFile: readTextOrUndefined }, ruleIds);
  return {
    async forDocument(uri) {
      const path = fsPath(uri);
      if (!path) return NO_CONFIG;
      const { config, file, problems } = resolver.forDocument(path);
      return {
        rules: config.rules,
        ...(config.language ? { language: config.language } : {}),
        ...(config.maxDocumentSize !== undefined ? { maxDocumentSize: config.maxDocumentSize } : {}),
        isDocument: config.isDocument(path),
        isIgnored: config.isIgnored(path),
        ...(file ? { configUri: pathToFileURL(file).href } : {}),
        problems: problems.map(problemReport),
        projects: config.projects.map((project) => ({
          name: project.name,
          ...(project.purpose ? { purpose: project.purpose } : {}),
          configUri: pathToFileURL(project.file).href,
          matches: (candidate: string) => {
            const candidatePath = fsPath(candidate);
            return candidatePath !== undefined && project.matches(candidatePath);
          },
        })),
      };
    },
    invalidate: () => resolver.clear(),
  };
}

function problemReport(problem: ConfigProblem) {
  return { uri: pathToFileURL(problem.file).href, span: { start: problem.start, end: problem.end }, message: problem.message, text: problem.text };
}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
