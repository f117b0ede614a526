/** The files a page may carry, by what their bytes are. */
export const DOCUMENT_TYPES = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  doc: { mime: 'application/msword', extensions: ['doc'] },
  xls: { mime: 'application/vnd.ms-excel', extensions: ['xls'] },
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));
const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

/**
 * Recognises a PDF, Word or Excel file by its bytes, as images/sniff.ts does for photos: the name and
 * the Content-Type a client sends are not trusted, so a program renamed to "rooster.pdf" is refused.
 * Word and Excel files since 2007 are zip archives told apart by the part they must contain; older
 * ones are OLE compound files told apart by their main stream's name.
 */
export function sniffDocumentType(bytes: Uint8Array): DocumentType | null {
  if (bytes.length >= 5 && ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const text = latin1(bytes);
    if (text.includes('[Content_Types].xml')) {
      if (text.includes('word/document.xml')) return 'docx';
      if (text.includes('xl/workbook.xml')) return 'xlsx';
    }
    return null;
  }
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length >= 512 && ole.every((v, i) => bytes[i] === v)) {
    // Directory entries name their streams in UTF-16LE.
    const text = latin1(bytes);
    const utf16 = (s: string) => s.split('').join('\u0000');
    if (text.includes(utf16('WordDocument'))) return 'doc';
    if (text.includes(utf16('Workbook')) || text.includes(utf16('Book'))) return 'xls';
  }
  return null;
}

/** The extension a file's name ends in, lower case. */
export const extensionOf = (name: string): string => name.slice(name.lastIndexOf('.') + 1).toLowerCase();
