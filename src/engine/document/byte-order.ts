/**
 * Whether this machine stores the low byte of a word first. Raster loops read and write pixels a 32-bit
 * word at a time, with R (or the first pixel of four) in the low byte; on a big-endian machine they take
 * their byte-at-a-time paths instead.
 */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
