import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadXlsx, readRow } from '../../src-shared/lists/workbook';
import { isDateFormat, MAX_XML_BYTES, readXlsx, XlsxRefused, type ReadBook } from '../../src-shared/xlsxCells';
import { ledgerFile } from '../fixtures/ledgerFiles';
import { messyEntityList, messyInspectorList, workbookOf } from '../fixtures/listFiles';

/** Everything an importer reads of a workbook: sheets in order, their state, and every row as readRow gives it. */
function seen(book: ReadBook) {
  return book.worksheets.map((sheet) => {
    const rows = [];
    for (let n = 1; n <= sheet.rowCount; n++) {
      const { texts, longNumbers, mergedAbove } = readRow(sheet.findRow(n));
      // Holes and '' read the same to every importer; an exceljs row may list an empty cell the lean one leaves out.
      rows.push({ n, texts: Array.from(texts, (t) => t ?? ''), longNumbers: [...longNumbers], mergedAbove: [...mergedAbove] });
    }
    while (rows.length > 0 && rows.at(-1)!.texts.every((t) => t === '')) rows.pop();
    for (const row of rows) while (row.texts.length > 0 && row.texts.at(-1) === '') row.texts.pop();
    return { name: sheet.name, state: sheet.state, actualRowCount: sheet.actualRowCount, rows };
  });
}

async function byExcelJS(bytes: Uint8Array): Promise<ReadBook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

/** An .xlsx package from its parts' XML, as another program might write it. */
function packageOf(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, strToU8(xml)])));
}

function inTimeZone<T>(zone: string, run: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return run();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

/** Sets the uncompressed size a zip's central directory claims for `name` (what an unzipper checks first). */
function patchCentralSize(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    if (new TextDecoder().decode(zip.subarray(i + 46, i + 46 + nameLength)) === name) return view.setUint32(i + 24, size, true);
  }
  throw new Error(`no ${name} in the zip`);
}

const ROOT_RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** 'read' when `run` returns, else what `say` makes of what it throws. */
function thrown(run: () => unknown, say: (e: unknown) => string): string {
  try {
    run();
    return 'read';
  } catch (e) {
    return say(e);
  }
}

describe('readXlsx', () => {
  it('reads every row of the generated lists and ledgers exactly as exceljs does: texts, long numbers, merges, sheet states', async () => {
    const hidden = await (async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('查找表', { state: 'hidden' }).addRow(['A', 1]);
      const sheet = workbook.addWorksheet('名录');
      sheet.addRow(['代码', '金额', '日期', '布尔', '公式']);
      sheet.addRow(['00123', 1234567890123456768, new Date(Date.UTC(2024, 1, 29)), true, { formula: 'B2*2', result: 7 }]);
      sheet.getCell('F2').value = { formula: 'A1', result: 'text' };
      sheet.getCell('G2').numFmt = '000000';
      sheet.getCell('G2').value = 42;
      sheet.getCell('H2').value = { error: '#N/A' };
      sheet.getCell('I2').value = 'a & b < c "d" \'e\'\n第二行';
      sheet.mergeCells('A4:C5');
      sheet.getCell('A4').value = '合并';
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    })();
    const files = [
      (await messyEntityList({ seed: 7, good: 120 })).bytes,
      (await messyInspectorList({ seed: 7, good: 40 })).bytes,
      (await ledgerFile('simple', { seed: 3 })).bytes,
      (await ledgerFile('tou', { seed: 3 })).bytes,
      (await ledgerFile('shuffled', { seed: 3 })).bytes,
      await workbookOf([{ name: 'S', rows: [['标题'], [], ['a', 'b', 'c']], merges: ['A1:C1', 'B3:B6'] }]),
      hidden,
      ...['entities-libreoffice-csv.xlsx', 'inspectors-libreoffice-resaved.xlsx', 'ledger-libreoffice-csv.xlsx', 'ledger-libreoffice-resaved.xlsx'].map(
        (name) => new Uint8Array(readFileSync(join(__dirname, '../fixtures/files', name))),
      ),
    ];
    for (const bytes of files) {
      const lean = seen(readXlsx(bytes));
      expect(lean).toEqual(seen(await byExcelJS(bytes)));
      expect(lean.flatMap((s) => s.rows).length).toBeGreaterThan(2);
    }
    const [lookup, list] = seen(readXlsx(hidden));
    expect(lookup!.state).toBe('hidden');
    expect(list!.rows.slice(0, 5)).toEqual([
      { n: 1, texts: ['', '代码', '金额', '日期', '布尔', '公式'], longNumbers: [], mergedAbove: [] },
      { n: 2, texts: ['', '00123', '1234567890123456768', '2024-02-29', 'TRUE', '7', 'text', '000042', '', 'a & b < c "d" \'e\'\n第二行'], longNumbers: [2], mergedAbove: [] },
      { n: 3, texts: [], longNumbers: [], mergedAbove: [] },
      { n: 4, texts: ['', '合并'], longNumbers: [], mergedAbove: [] },
      { n: 5, texts: ['', '合并'], longNumbers: [], mergedAbove: [1, 2, 3] },
    ]);
  });

  it('reads what other writers put in a package: inline and phonetic strings, escapes, unnumbered cells, ISO and 1904 dates, Chinese built-in date formats', () => {
    const bytes = packageOf({
      '_rels/.rels': ROOT_RELS,
      'xl/workbook.xml': `<workbook xmlns:r="${REL}"><workbookPr date1904="1"/><sheets><sheet name="图表" sheetId="1" r:id="rId9"/><sheet name="A&amp;B" sheetId="2" r:id="rId1"/><sheet name="隐" sheetId="3" state="veryHidden" r:id="rId2"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/one.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/../worksheets/two.xml"/><Relationship Id="rId9" Type="${REL}/chartsheet" Target="chartsheets/c.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="Strings.xml"/><Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      'xl/chartsheets/c.xml': '<chartsheet/>',
      'xl/STRINGS.XML': '<sst><si><t>代码</t></si><si><r><t>东方</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 商城</t></r><rPh><t>とうほう</t></rPh></si><si><t>a_x000D_b</t></si><si/><si><t>之后</t></si></sst>',
      'xl/styles.xml': '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="000000"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>',
      'xl/worksheets/one.xml':
        '<worksheet><sheetData>' +
        '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c></row>' +
        '<row r="3"><c r="B3" s="1"><v>0</v></c><c s="2"><v>123</v></c><c t="inlineStr"><is><t>内&#x8054;</t><rPh><t>x</t></rPh></is></c><c t="d"><v>2024-03-05T00:00:00</v></c><c t="e"><v>#REF!</v></c><c><f>NOW()</f></c><c s="3"/><c t="b"><v>0</v></c><c t="s"><v>4</v></c></row>' +
        '</sheetData><mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells></worksheet>',
      'xl/worksheets/two.xml': '<worksheet><sheetData><row r="2"><c r="A2" t="s"><v>3</v></c></row></sheetData></worksheet>',
    });
    // Read in China's time zone, where a local reading of an ISO date without an offset is the day before in UTC.
    const book = inTimeZone('Asia/Shanghai', () => readXlsx(bytes));
    expect(book.worksheets.map((s) => [s.name, s.state, s.rowCount, s.actualRowCount])).toEqual([
      // Row 5 holds only a merged range: a row with cells, as exceljs counts it.
      ['A&B', 'visible', 5, 3],
      ['隐', 'veryHidden', 2, 1],
    ]);
    const sheet = book.getWorksheet('A&B')!;
    expect(readRow(sheet.findRow(1)).texts).toEqual([undefined, '代码', '东方 商城', 'a\rb']);
    // Serial 0 in the 1904 system is 1904-01-01; format 31 is 年月日 in a Chinese Excel; an ISO date without an
    // offset is that day in any time zone; an error (#REF!) is no value, a formula saved without its result an
    // empty one, a styled empty cell nothing; an empty string item (<si/>) keeps the later ones in place.
    expect(readRow(sheet.findRow(3)).texts).toEqual([undefined, undefined, '1904-01-01', '000123', '内联', '2024-03-05', undefined, '', undefined, 'FALSE', '之后']);
    expect(sheet.findCell(5, 2)?.master).toBe(sheet.findCell(5, 1));
    expect(sheet.findCell(5, 1)?.isMerged).toBe(true);
    expect(readRow(sheet.findRow(5)).texts).toEqual([undefined, undefined, '']);
    expect(readRow(book.getWorksheet('隐')!.findRow(2)).texts).toEqual([undefined, '']);
  });

  it('refuses what is not a workbook, and loadXlsx with the importer\'s own message', () => {
    expect(() => readXlsx(new TextEncoder().encode('统一社会信用代码,名称\n'))).toThrow();
    expect(() => readXlsx(packageOf({ '[Content_Types].xml': '<Types/>' }))).toThrow('no workbook part');
    expect(() => loadXlsx(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), '不是工作簿', (m) => new TypeError(m))).toThrow(new TypeError('不是工作簿'));
  });

  it('refuses a damaged or hostile sheet whole: tags never closed, references past Excel, merges of millions, parts that inflate too far', () => {
    const withWorksheet = (worksheet: string, strings = '<sst/>') =>
      packageOf({
        '_rels/.rels': ROOT_RELS,
        'xl/workbook.xml': `<workbook xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/s.xml"/></Relationships>`,
        'xl/sharedStrings.xml': strings,
        'xl/worksheets/s.xml': worksheet,
      });
    const withSheet = (sheet: string, strings = '<sst/>') => withWorksheet(`<worksheet><sheetData>${sheet}</sheetData></worksheet>`, strings);
    /** What readXlsx throws, as XlsxRefused's reason and where; 'read' when it reads. */
    const refusal = (data: Uint8Array) => thrown(() => readXlsx(data), (e) => (e instanceof XlsxRefused ? `${e.reason} ${e.where}` : String(e)));
    expect(readXlsx(withSheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', '<sst><si><t>好</t></si></sst>')).worksheets[0]!.findCell(1, 1)?.value).toBe('好');
    // 100,000 cells never closed: refused at the first, not scanned 100,000 times over.
    expect(refusal(withSheet('<row r="1">' + '<c r="A1"><v>1</v>'.repeat(100_000)))).toBe('damaged <c r="A1">');
    expect(refusal(withSheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', '<sst>' + '<si><t>x</t>'.repeat(100_000)))).toBe('damaged <si>');
    // Every cell closed, but the sheet's data cut short; an empty <sheetData/>, attributes and `</sheetData >` are read.
    expect(refusal(withWorksheet('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'))).toBe('damaged <sheetData>');
    expect(readXlsx(withWorksheet('<worksheet><sheetData/><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>')).worksheets[0]!.rowCount).toBe(0);
    expect(readXlsx(withWorksheet('<worksheet><sheetData x="1"><row r="2"><c r="A2"><v>7</v></c></row></sheetData ></worksheet>')).worksheets[0]!.findCell(2, 1)?.value).toBe(7);
    expect(refusal(withSheet('<row r="1048577"><c r="A1048577"><v>1</v></c></row>'))).toBe('out-of-range 1048577');
    expect(refusal(withSheet('<row r="1"><c r="XFE1"><v>1</v></c></row>'))).toBe('out-of-range XFE1');
    const merged = (ref: string) => withSheet('<row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="' + ref + '"/></mergeCells><sheetData>');
    expect(readXlsx(merged('A1:C2')).worksheets[0]!.rowCount).toBe(2);
    expect(refusal(merged('A1:XFD1048576'))).toBe('too-large A1:XFD1048576');
    expect(refusal(merged('A1:B1048577'))).toBe('out-of-range A1:B1048577');
    // A sheet part whose header claims more than MAX_XML_BYTES is refused before it is inflated.
    const bytes = withSheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    patchCentralSize(bytes, 'xl/worksheets/s.xml', MAX_XML_BYTES + 1);
    expect(refusal(bytes)).toBe('too-large xl/worksheets/s.xml');
    // loadXlsx tells the clerk which of these it is, in every importer's error; where is the file's text, cut short.
    const load = (data: Uint8Array) => thrown(() => loadXlsx(data, '不是工作簿', (m) => new Error(m)), (e) => (e as Error).message);
    expect(load(bytes)).toBe('文件内容过大，无法读取：表格数据解压后超过 256 MB，或合并的单元格超过 1,000,000 个。请删去多余的工作表、取消合并后再导入');
    expect(load(withSheet('<row r="1">' + '<c r="A1"><v>1</v>'))).toBe('文件已损坏，无法读取：其中的表格数据不完整。请用 Excel 打开后另存为 .xlsx 再导入');
    expect(load(withSheet('<row r="1"><c r="XFE1"><v>1</v></c></row>'))).toBe('文件无法读取：位置“XFE1”超出了 Excel 的范围（1,048,576 行、16,384 列）。请用 Excel 打开后另存为 .xlsx 再导入');
    expect(load(withSheet('<row r="1048577"><c r="A1"><v>1</v></c></row>'))).toBe('文件无法读取：第 1048577 行超出了 Excel 的范围（1,048,576 行、16,384 列）。请用 Excel 打开后另存为 .xlsx 再导入');
    expect(load(withSheet(`<row r="1"><c r="${'A'.repeat(40)}1"><v>1</v></c></row>`))).toBe(`文件无法读取：位置“${'A'.repeat(16)}…”超出了 Excel 的范围（1,048,576 行、16,384 列）。请用 Excel 打开后另存为 .xlsx 再导入`);
  });

  it('tells date formats as exceljs does, ignoring quoted text and brackets', () => {
    expect([isDateFormat('yyyy"年"m"月"d"日"'), isDateFormat('[Red]0.00'), isDateFormat('"m"0'), isDateFormat('000000'), isDateFormat(undefined)]).toEqual([true, false, false, false, false]);
  });
});
