/**
 * The language server's parsing thread: it parses the long chunks of a document, so that the
 * server's main thread, which answers the editor, never waits on one. It only parses: text in,
 * tree (or the parser's error) out, in the order asked.
 */
import { parentPort } from 'node:worker_threads';
import { parseAnswer } from './engine/steps';

parentPort?.on('message', (message: { readonly id: number; readonly text: string }) => {
  parentPort?.postMessage({ id: message.id, answer: parseAnswer(message.text) });
});
