import type { MethodInput } from '../../../../common/src/ipc/contract';

export type ImageUpload = NonNullable<MethodInput<'post.create'>['images']>[number];
export type Attachment = { key: string; upload: ImageUpload; preview: string };

const MIMES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] satisfies ImageUpload['mime'][];
export const ACCEPT = MIMES.join(',');
export const IMAGES_MAX = 10;
const BYTES_MAX = 10 * 1024 * 1024;

function isImageMime(mime: string): mime is ImageUpload['mime'] {
  return MIMES.includes(mime);
}

let counter = 0;

/** Reads a picked file as base64 (the contract's form), refusing what main would refuse anyway. */
export async function readAttachment(file: File): Promise<Attachment | 'wrongType' | 'tooLarge'> {
  if (!isImageMime(file.type)) return 'wrongType';
  if (file.size > BYTES_MAX) return 'tooLarge';
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(file);
  });
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  counter += 1;
  return { key: `${counter}-${file.name}`, upload: { name: file.name.slice(0, 200), mime: file.type, base64 }, preview: dataUrl };
}
