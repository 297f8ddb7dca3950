/**
 * Pure: the little URI arithmetic the service needs (a folder, a child, a relative path), for
 * hierarchical URIs such as file:///home/a/b.md or vscode-vfs://github/org/repo/b.md.
 */

/** The URI up to its path, and the path: `file://` + `/home/a/b.md`. */
function split(uri: string): { readonly root: string; readonly path: string } {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(\/.*)?$/i.exec(uri);
  if (!match) return { root: '', path: uri };
  return { root: match[1] as string, path: match[2] ?? '/' };
}

export function uriDirname(uri: string): string {
  const { root, path } = split(uri);
  const cut = path.replace(/\/+$/, '').lastIndexOf('/');
  return root + (cut <= 0 ? '/' : path.slice(0, cut));
}

export function uriBasename(uri: string): string {
  const { path } = split(uri);
  return decodeSegment(path.replace(/\/+$/, '').split('/').pop() ?? '');
}

/** A child of a folder URI; each name is percent-encoded as one path segment. */
export function uriJoin(folder: string, ...names: readonly string[]): string {
  const base = folder.replace(/\/+$/, '');
  return [base, ...names.map((name) => encodeURIComponent(name))].join('/');
}

/** The `/`-separated path of `uri` inside `folder` (decoded), or undefined when it is not inside. */
export function uriRelative(folder: string, uri: string): string | undefined {
  const base = `${folder.replace(/\/+$/, '')}/`;
  if (!uri.startsWith(base)) return undefined;
  return uri.slice(base.length).split('/').map(decodeSegment).join('/');
}

/**
 * A relative `/`-separated path resolved against a folder URI, with `.` and `..` worked out; `..`
 * never climbs above the URI's root.
 */
export function uriResolve(folder: string, relative: string): string {
  const { root, path } = split(folder);
  const segments = path.split('/').filter((s) => s !== '');
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(encodeURIComponent(segment));
  }
  return `${root}/${segments.join('/')}`;
}

export function isInside(folder: string, uri: string): boolean {
  return uriRelative(folder, uri) !== undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
