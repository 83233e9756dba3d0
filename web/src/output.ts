/** A job's output shown as what it is: an image, text, or a download. */
import { h } from './dom';

const IMAGE_TYPES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
  [[0xff, 0xd8, 0xff], 'image/jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'image/gif'],
];

/** The image type of `bytes` by its signature, if it is an image. */
export function imageType(bytes: Uint8Array): string | undefined {
  return IMAGE_TYPES.find(([magic]) => magic.every((b, i) => bytes[i] === b))?.[1];
}

/** `bytes` as text, if they are UTF-8 without control characters other than whitespace. */
export function asText(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

/** An element showing a task's output. */
export function renderOutput(task: number, bytes: Uint8Array): HTMLElement {
  const type = imageType(bytes);
  const blob = (mime: string) => URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  if (type) {
    return h('img', { src: blob(type), alt: `output of task ${task}`, 'data-testid': 'job-output-image', class: 'output-image' });
  }
  const text = asText(bytes);
  if (text !== undefined) return h('pre', { 'data-testid': 'job-output-text' }, text);
  return h('a', { href: blob('application/octet-stream'), download: `task-${task}.out`, 'data-testid': 'job-output-download' }, `download (${bytes.length} bytes)`);
}
