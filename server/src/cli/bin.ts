import { main } from './main';

/**
 * A reader that stops early (`pim-lint docs | head`) closes the pipe: what is left to print goes
 * nowhere, quietly, and the exit code still says what was found. Any other write error is one.
 */
function writerTo(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: writerTo(process.stdout),
  stderr: writerTo(process.stderr),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`pim-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
