// The draw's documents as PDF: the record (抽查记录) and the public notice (抽查结果公示), made on this device.
import type { MessageTable } from '../../src-shared/i18n/format';

export const drawDocsUiMessages: MessageTable = {
  'zh-CN': {
    'drawDocs.recordPdf': '下载抽查记录 PDF',
    'drawDocs.noticePdf': '下载公示 PDF',
    'drawDocs.pdfNote': '抽查记录以 PDF 文件为准（横向 A4，每页有页码，首页载明全部哈希）；浏览器打印仅供预览。',
    'drawDocs.preparing': '正在读取抽查结果和字体…',
    'drawDocs.rows': '已排版 {{done}} / {{total}} 户',
    'drawDocs.finishing': '正在生成 PDF 文件…',
    'drawDocs.cancel': '取消生成',
    'drawDocs.cancelled': '已取消，未生成 PDF。',
  },
  en: {
    'drawDocs.recordPdf': 'Download draw record (PDF)',
    'drawDocs.noticePdf': 'Download public notice (PDF)',
    'drawDocs.pdfNote': 'The PDF file is the draw record (landscape A4, numbered pages, every hash on the first page); printing from the browser is a preview only.',
    'drawDocs.preparing': 'Reading the draw and the font…',
    'drawDocs.rows': '{{done}} of {{total}} targets laid out',
    'drawDocs.finishing': 'Writing the PDF file…',
    'drawDocs.cancel': 'Cancel',
    'drawDocs.cancelled': 'Cancelled; no PDF was made.',
  },
};
