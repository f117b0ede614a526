import type { MethodInput } from '../../../../common/src/ipc/contract';

export type VideoUpload = NonNullable<MethodInput<'post.create'>['video']>;
export type VideoAttachment = { upload: VideoUpload; size: number };

const MIMES: readonly string[] = ['video/mp4', 'video/quicktime', 'video/webm'] satisfies VideoUpload['mime'][];
/** The file picker offers every video; what is not MP4, MOV or WebM gets a clear message. */
export const VIDEO_ACCEPT = 'video/*';
export const VIDEO_BYTES_MAX = 60 * 1024 * 1024;

function isVideoMime(mime: string): mime is VideoUpload['mime'] {
  return MIMES.includes(mime);
}

/** Reads a picked video as base64 (the contract's form), refusing what main would refuse anyway. */
export async function readVideo(file: File): Promise<VideoAttachment | 'wrongType' | 'tooLarge'> {
  if (!isVideoMime(file.type)) return 'wrongType';
  if (file.size > VIDEO_BYTES_MAX) return 'tooLarge';
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(file);
  });
  return { upload: { name: file.name.slice(0, 200), mime: file.type, base64: dataUrl.slice(dataUrl.indexOf(',') + 1) }, size: file.size };
}
