import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_BYTES_MAX } from '../../../../common/src/api/routes/kb.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

/** The smallest files that are what they say: a PDF header, a zip with Word's or Excel's parts. */
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const officeZip = (part: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(`[Content_Types].xml ${part} _rels/.rels`)]);
const DOCX = officeZip('word/document.xml');
const XLSX = officeZip('xl/workbook.xml');
/** A Windows program: "MZ", then a PE header further on. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('PE\u0000\u0000This program cannot be run in DOS mode')]);

describe.each(dialects)('files on knowledge-base pages (%s)', (dialect) => {
  let s: TestServer;
  let carla: TestClient;
  let anna: TestClient;
  let pageId: string;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    carla = await s.login('1003');
    anna = await s.login('1001');
    pageId = (await carla.call('createPage', { body: { title: 'Met bijlagen', body: 'Zie de bestanden.' } })).body.id;
  });
  afterAll(() => s?.close());

  const upload = (client: TestClient, name: string, bytes: Buffer, contentType = 'application/octet-stream') =>
    client.request('POST', `/v1/kb/pages/${pageId}/attachments?name=${encodeURIComponent(name)}`, { raw: bytes, contentType });

  it('takes a PDF, a Word and an Excel file, typed by their bytes, and lists them on the page', async () => {
    const pdf = await upload(carla, 'Rooster zomer.pdf', PDF);
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ name: 'Rooster zomer.pdf', mime: 'application/pdf', byteSize: PDF.length });
    // The type sent along is not believed: the bytes decide.
    expect((await upload(carla, 'Brief.docx', DOCX, 'application/pdf')).body.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await upload(carla, 'Uren.xlsx', XLSX)).body.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const page = (await anna.call('getPage', { params: { id: pageId } })).body;
    expect(page.attachments.map((a) => a.name)).toEqual(['Rooster zomer.pdf', 'Brief.docx', 'Uren.xlsx']);
  });

  it('refuses a program renamed to .pdf, and a file whose name does not fit its contents', async () => {
    const exe = await upload(carla, 'rooster.pdf', EXE, 'application/pdf');
    expect(exe.status).toBe(415);
    expect(exe.body).toMatchObject({ error: { code: 'unsupported_media_type' } });
    const renamed = await upload(carla, 'brief.pdf', DOCX);
    expect(renamed.body).toMatchObject({ error: { code: 'unsupported_media_type', fields: [{ path: 'query.name', message: 'Geef het bestand de extensie .docx.' }] } });
    expect((await anna.call('getPage', { params: { id: pageId } })).body.attachments.map((a) => a.name)).not.toContain('rooster.pdf');
  });

  it('refuses a file over 10 MB', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_BYTES_MAX)]);
    const res = await upload(carla, 'groot.pdf', big, 'application/pdf');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { code: 'too_large' } });
  });

  it('lets only editors attach and remove files, and everyone download them as a download', async () => {
    expect((await upload(anna, 'van anna.pdf', PDF)).body).toMatchObject({ error: { code: 'forbidden' } });
    const file = (await upload(carla, 'Instructie à la carte.pdf', PDF)).body;
    const res = await fetch(`${s.url}/v1/kb/attachments/${file.id}`, { headers: { authorization: `Bearer ${anna.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Instructie a la carte.pdf"; filename*=UTF-8''Instructie%20%C3%A0%20la%20carte.pdf`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PDF);
    expect((await anna.call('deleteAttachment', { params: { id: file.id } })).body).toMatchObject({ error: { code: 'forbidden' } });
    expect((await carla.call('deleteAttachment', { params: { id: file.id } })).body).toEqual({ ok: true });
    expect((await fetch(`${s.url}/v1/kb/attachments/${file.id}`, { headers: { authorization: `Bearer ${anna.token}` } })).status).toBe(404);
  });

  it('lets a ward PC without anyone logged in download a file, as pages are for everyone', async () => {
    const file = (await upload(carla, 'Ontruimingsplan.pdf', PDF)).body;
    const device = await s.enrolDevice();
    const res = await fetch(`${s.url}/v1/kb/attachments/${file.id}`, { headers: { 'x-samen-device': device.deviceToken } });
    expect(res.status).toBe(200);
  });
});
