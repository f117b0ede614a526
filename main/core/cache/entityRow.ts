/**
 * A cached entity is stored as the JSON the server sent, checked against common/'s schema when it
 * arrived; reading it back is a parse, with no per-field mapping that could drift from the server's.
 */
export type EntityRow = { data: string };

export const fromRow = <T>(row: EntityRow): T => JSON.parse(row.data) as T;
