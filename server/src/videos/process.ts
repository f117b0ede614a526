import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VIDEO_SECONDS_MAX } from '../../../common/src/api/routes.js';
import { ApiError } from '../http/apiError.js';
import { runTool, type MediaTools } from './mediaTools.js';
import { sniffVideoType, type VideoType } from '../../../common/src/video/sniff.js';

/** The longest edge of a stored video: plenty for a timeline, a quarter of a phone's 4K bytes. */
export const VIDEO_MAX_EDGE = 1280;

export interface ProcessedVideo {
  mime: 'video/mp4';
  data: Buffer;
  /** A JPEG frame from early in the video. */
  poster: Buffer;
  width: number;
  height: number;
  durationMs: number;
}

interface Probe {
  width: number;
  height: number;
  seconds: number;
}

const unreadable = () => new ApiError('validation', 'Deze video kan niet worden gelezen. Probeer een andere video.');

/**
 * Makes an upload fit to show: checked with ffprobe (a real video of at most about a minute), then
 * re-encoded by ffmpeg to MP4 (H.264 and AAC, which every browser plays) at most 1280 px, without any
 * metadata (no GPS position, camera or phone name leaves the ward), with its index at the front so
 * playing can start before the whole file is in; plus a poster frame. The work happens in a fresh
 * temporary folder, removed whatever happens.
 */
export async function processVideo(input: Buffer, tools: MediaTools, timeoutMs: number): Promise<ProcessedVideo> {
  const type = sniffVideoType(input);
  if (!type) throw new ApiError('unsupported_media_type', 'Dit bestand is geen video. Kies een MP4-, MOV- of WebM-bestand.');
  const dir = await mkdtemp(path.join(tmpdir(), 'samen-video-'));
  try {
    const source = path.join(dir, 'upload');
    const output = path.join(dir, 'video.mp4');
    const poster = path.join(dir, 'poster.jpg');
    await writeFile(source, input);
    const probed = await probe(tools, source, timeoutMs, type);
    if (probed.seconds > VIDEO_SECONDS_MAX) {
      const message = `Deze video duurt ${Math.round(probed.seconds)} seconden. Een video mag hoogstens een minuut duren: kort hem in en probeer het opnieuw.`;
      throw new ApiError('validation', message);
    }
    await ffmpeg(tools, timeoutMs, [
      ...readAs(type), '-i', source,
      '-map', '0:v:0', '-map', '0:a:0?',
      '-map_metadata', '-1', '-map_metadata:s:v', '-1', '-map_metadata:s:a', '-1', '-map_chapters', '-1',
      '-t', String(VIDEO_SECONDS_MAX),
      '-vf', `scale=w='min(${VIDEO_MAX_EDGE},iw)':h='min(${VIDEO_MAX_EDGE},ih)':force_original_aspect_ratio=decrease:force_divisible_by=2`,
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-pix_fmt', 'yuv420p',
      '-c:a', 'aac', '-b:a', '128k',
      '-movflags', '+faststart',
      output,
    ]);
    const stored = await probe(tools, output, timeoutMs, 'video/mp4');
    const at = Math.min(1, stored.seconds / 2);
    await ffmpeg(tools, timeoutMs, ['-ss', at.toFixed(2), '-i', output, '-frames:v', '1', '-q:v', '4', poster]);
    return {
      mime: 'video/mp4',
      data: await readFile(output),
      poster: await readFile(poster),
      width: stored.width,
      height: stored.height,
      durationMs: Math.round(stored.seconds * 1000),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The upload is read as the container its bytes say it is, from the local file only: ffmpeg would
 * otherwise guess the format itself, and some formats (playlists, concatenation lists) make it
 * open other files or addresses named inside the upload.
 */
const readAs = (type: VideoType) => ['-protocol_whitelist', 'file', '-f', type === 'video/webm' ? 'matroska' : 'mov'];

async function probe(tools: MediaTools, file: string, timeoutMs: number, type: VideoType): Promise<Probe> {
  const run = await runTool(tools.ffprobe, ['-v', 'error', ...readAs(type), '-print_format', 'json', '-show_format', '-show_streams', file], timeoutMs);
  if (run.timedOut || run.code !== 0) throw unreadable();
  let parsed: { format?: { duration?: string }; streams?: { codec_type?: string; width?: number; height?: number; duration?: string }[] };
  try {
    parsed = JSON.parse(run.stdout) as typeof parsed;
  } catch {
    throw unreadable();
  }
  const video = parsed.streams?.find((s) => s.codec_type === 'video' && (s.width ?? 0) > 0 && (s.height ?? 0) > 0);
  const seconds = Number(parsed.format?.duration ?? video?.duration);
  if (!video || !Number.isFinite(seconds) || seconds <= 0) throw unreadable();
  return { width: video.width!, height: video.height!, seconds };
}

async function ffmpeg(tools: MediaTools, timeoutMs: number, args: string[]): Promise<void> {
  const run = await runTool(tools.ffmpeg, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], timeoutMs);
  if (run.timedOut) throw new ApiError('validation', 'Het verwerken van deze video duurde te lang. Probeer een kortere video.');
  if (run.code !== 0) throw unreadable();
}
