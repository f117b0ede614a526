import { describe, expect, it } from 'vitest';
import { readServerConfig } from '../../../server/src/config.js';

describe('server configuration: limits per person, device and node', () => {
  it('allows 3 event streams per person, 2 per device and 2 photo decodes at once unless told otherwise', () => {
    expect(readServerConfig([], {})).toMatchObject({ streamsPerPerson: 3, streamsPerDevice: 2, imageDecodes: 2 });
  });

  it('takes the flag over the environment variable', () => {
    const env = { SAMEN_STREAMS_PER_PERSON: '5', SAMEN_STREAMS_PER_DEVICE: '4', SAMEN_IMAGE_DECODES: '3' };
    expect(readServerConfig([], env)).toMatchObject({ streamsPerPerson: 5, streamsPerDevice: 4, imageDecodes: 3 });
    expect(readServerConfig(['--streams-per-person', '6', '--streams-per-device', '1', '--image-decodes', '8'], env)).toMatchObject({
      streamsPerPerson: 6,
      streamsPerDevice: 1,
      imageDecodes: 8,
    });
  });

  it('names the flag when the value is wrong', () => {
    for (const flag of ['--streams-per-person', '--streams-per-device', '--image-decodes']) {
      for (const value of ['0', 'veel', '1.5', '1000']) expect(() => readServerConfig([flag, value], {})).toThrow(flag);
    }
  });
});
