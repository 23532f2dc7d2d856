// Turns dialog filters into an <input type=file> accept list; kept apart from web.ts so it can be
// tested without a DOM.
import type { FileFilter } from '../../src-shared/platform-api';

/** ".xlsx,.xls" for the given filters; empty (anything) when a filter allows "*" or there are none. */
export function acceptAttribute(filters: readonly FileFilter[]): string {
  const extensions = filters.flatMap((filter) => filter.extensions);
  if (extensions.length === 0 || extensions.includes('*')) return '';
  return [...new Set(extensions.map((extension) => `.${extension.toLowerCase()}`))].join(',');
}
