import { describe, expect, it } from 'vitest';
import { drawMessages } from '../../../src-shared/i18n/draw';

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('draw messages', () => {
  it('has every key in both languages, with the same placeholders', () => {
    const zh = drawMessages['zh-CN'];
    const en: Record<string, string> = drawMessages.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(zh)) expect(placeholders(en[key]!), key).toEqual(placeholders(text));
  });
});
