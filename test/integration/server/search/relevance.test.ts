import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { formatReport, RELEVANCE_CASES, RELEVANCE_FLOORS, runRelevanceSuite } from '../../../fixtures/search/dutchRelevance.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('Dutch relevance of the server’s search (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    anna = await s.login('1001');
  });
  afterAll(() => s?.close());

  it(`finds the expected page for ${RELEVANCE_CASES.length} Dutch queries well enough`, async () => {
    const report = await runRelevanceSuite(async (q) => (await anna.call('search', { query: { q, limit: 10 } })).body.results);
    console.log(formatReport(dialect, report));
    expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(80);
    expect(report.recallAt1).toBeGreaterThanOrEqual(RELEVANCE_FLOORS.recallAt1);
    expect(report.recallAt3).toBeGreaterThanOrEqual(RELEVANCE_FLOORS.recallAt3);
    expect(report.mrr).toBeGreaterThanOrEqual(RELEVANCE_FLOORS.mrr);
  });
});
