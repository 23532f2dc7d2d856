// A workbook refused in the worker (workers/workbook.worker.ts) reaches the dialog as the same class with its code.
import { describe, expect, it } from 'vitest';
import { FilingsReadError } from '../../../src-shared/filings/readFilings';
import { TariffReadError } from '../../../src-shared/tariff/importTariffs';
import { reviveError } from '../../../src-renderer/workers/checkWorkbook';
import { sendError } from '../../../src-renderer/workers/serve';

/** As the error crosses threads: sent, structured-cloned, rebuilt. */
const crossed = (e: Error) => reviveError(structuredClone(sendError(e)));

describe('workbook refusals across the worker', () => {
  it('a tariff file missing its columns is a TariffReadError again, code and message kept', () => {
    const back = crossed(new TariffReadError('missing-columns', '缺少必需的列：电压等级'));
    expect(back).toBeInstanceOf(TariffReadError);
    expect((back as TariffReadError).code).toBe('missing-columns');
    expect(back.message).toBe('缺少必需的列：电压等级');
  });

  it('a filings file that cannot be read is a FilingsReadError again; anything else a plain Error', () => {
    const back = crossed(new FilingsReadError('unreadable', '文件无法读取'));
    expect(back).toBeInstanceOf(FilingsReadError);
    expect((back as FilingsReadError).code).toBe('unreadable');
    const other = crossed(new RangeError('out of memory'));
    expect(other.constructor).toBe(Error);
    expect(other.name).toBe('RangeError');
    expect(other.message).toBe('out of memory');
  });
});
