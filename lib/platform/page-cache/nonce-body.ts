// A stored page with its CSP nonce cut out, sent with a fresh nonce per response, plain or
// gzipped. Gzipping 190 KB for every response cost the web server ~1 ms of CPU (level 1),
// a third of a cached page. So each piece between two nonces is compressed once, when
// stored, as raw deflate ending in a sync flush (byte-aligned, not the last block, no
// reference back into an earlier piece); per response only the nonce is compressed, and
// the pieces, the nonce's blocks and a closing empty block make one deflate stream in a
// gzip frame, whose CRC-32 is run over the plain pieces (RFC 1951, RFC 1952).
import { constants, crc32, deflateRawSync } from "node:zlib";

const SYNC = { finishFlush: constants.Z_SYNC_FLUSH };
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]); // deflate, no name, no time, unknown OS
const LAST_BLOCK = deflateRawSync(Buffer.alloc(0)); // an empty final block

export class NonceBody {
  readonly #plain: Buffer[];
  readonly #deflated: Buffer[];

  constructor(body: string, nonce: string) {
    this.#plain = body.split(nonce).map((piece) => Buffer.from(piece));
    this.#deflated = this.#plain.map((piece) => deflateRawSync(piece, SYNC));
  }

  get size(): number {
    return this.#plain.reduce((sum, piece) => sum + piece.length, 0) + this.#deflated.reduce((sum, piece) => sum + piece.length, 0);
  }

  plain(nonce: string): Buffer {
    return Buffer.concat(interleave(this.#plain, Buffer.from(nonce)));
  }

  gzip(nonce: string): Buffer {
    const text = Buffer.from(nonce);
    let crc = 0;
    let length = 0;
    this.#plain.forEach((piece, i) => {
      if (i > 0) {
        crc = crc32(text, crc);
        length += text.length;
      }
      if (piece.length > 0) crc = crc32(piece, crc); // Node's crc32 of nothing is 0, not the value passed in
      length += piece.length;
    });
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE(length % 2 ** 32, 4);
    return Buffer.concat([GZIP_HEADER, ...interleave(this.#deflated, deflateRawSync(text, SYNC)), LAST_BLOCK, trailer]);
  }
}

function interleave(pieces: Buffer[], between: Buffer): Buffer[] {
  const out: Buffer[] = [];
  pieces.forEach((piece, i) => {
    if (i > 0) out.push(between);
    out.push(piece);
  });
  return out;
}
