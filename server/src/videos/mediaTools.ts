import { spawn } from 'node:child_process';
import path from 'node:path';
import { ApiError } from '../http/apiError.js';

/** Where this node finds ffmpeg and ffprobe. */
export interface MediaTools {
  ffmpeg: string;
  ffprobe: string;
}

/**
 * ffprobe is looked for beside a configured ffmpeg (`/opt/ffmpeg/bin/ffmpeg` → `/opt/ffmpeg/bin/ffprobe`,
 * `ffmpeg.exe` → `ffprobe.exe`), so one setting names both; without one, both come from the PATH.
 */
export function mediaTools(ffmpegPath: string | undefined): MediaTools {
  if (!ffmpegPath) return { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' };
  const base = path.basename(ffmpegPath);
  const probe = base.toLowerCase().startsWith('ffmpeg') ? `ffprobe${base.slice('ffmpeg'.length)}` : 'ffprobe';
  return { ffmpeg: ffmpegPath, ffprobe: path.join(path.dirname(ffmpegPath), probe) };
}

export const toolMissing = () => new ApiError('unavailable', 'Video’s kunnen op deze server niet verwerkt worden: ffmpeg ontbreekt. Vraag de beheerder om ffmpeg te installeren.');

export interface ToolRun {
  code: number | null;
  stdout: string;
  /** The last few KB, for the log: ffmpeg says there why a file could not be read. */
  stderr: string;
  timedOut: boolean;
}

const OUTPUT_MAX = 64 * 1024;

/**
 * Runs one of the tools without a shell (arguments are never parsed, whatever a file is called),
 * killing it after `timeoutMs`. A tool that is not there (or may not be run) is `unavailable`.
 */
export function runTool(command: string, args: readonly string[], timeoutMs: number): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      if (stdout.length < OUTPUT_MAX) stdout += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr = (stderr + s).slice(-OUTPUT_MAX);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(err.code === 'ENOENT' || err.code === 'EACCES' ? toolMissing() : err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}
