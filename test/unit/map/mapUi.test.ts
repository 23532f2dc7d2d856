// The map's refusals are told in Chinese and name the file (the table's keys and placeholders are held
// to the common rules in test/unit/i18n.test.ts).
import { describe, expect, it } from 'vitest';
import { mapUiMessages } from '../../../src-renderer/i18n/mapUi';
import type { MbtilesProblem } from '../../../src-shared/map/mbtiles';

const PROBLEMS: Record<MbtilesProblem, true> = {
  'empty-file': true, 'too-large': true, 'not-sqlite': true, 'no-tiles-table': true, 'no-metadata': true,
  'no-tiles': true, vector: true, format: true, duplicate: true, 'no-room': true,
};

describe('map messages', () => {
  it('says every reason a map package is refused, in Chinese, naming the file', () => {
    for (const problem of Object.keys(PROBLEMS)) {
      const zh = mapUiMessages['zh-CN'][`map.problem.${problem}`] ?? '';
      expect({ problem, zh: /[\u4e00-\u9fff]/.test(zh), file: zh.includes('{{file}}') }).toEqual({ problem, zh: true, file: true });
    }
  });
});
