import type { MethodInput } from '../../../../common/src/ipc/contract';

type Upload = NonNullable<MethodInput<'groups.create'>['cover']>;
const MIMES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;

/** A chosen cover photo as the contract carries it (base64); null when it is no image main accepts. */
export async function fileToUpload(file: File): Promise<Upload | null> {
  const mime = MIMES.find((m) => m === file.type);
  if (!mime) return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name.slice(0, 200), mime, base64: btoa(binary) };
}
