export type ImageSize = 'thumb' | 'full';

/**
 * Makes the URL the renderer puts in <img src> for an image id. The shell serves it (through
 * `core.images.fetch`), so the renderer never talks to the server or holds a token.
 */
export type ImageUrl = (id: string, size: ImageSize) => string;
