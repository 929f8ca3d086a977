// Image data, streamed both ways and hashed on the fly (md5 for `checksum`, the multihash
// algorithm for `os_hash_value`), so no image is ever held in memory whole.
import { createHash, getHashes, type Hash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { Session } from '../../session/session.js';
import { imagePath } from './images.js';

/** Counts bytes and feeds every chunk to md5 and to a second algorithm on its way through. */
export class HashingStream extends Transform {
  bytes = 0;
  private readonly md5?: Hash;
  private readonly multihash?: Hash;

  /** `md5: false` skips md5 (it halves the hashing cost) unless `algorithm` is one Node lacks: md5 is then the only check left. */
  constructor(
    readonly algorithm: string = 'sha512',
    private readonly onChunk?: (bytes: number) => void,
    md5 = true,
  ) {
    super();
    if (getHashes().includes(algorithm)) this.multihash = createHash(algorithm);
    if (md5 || !this.multihash) this.md5 = createHash('md5');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    this.md5?.update(chunk);
    this.multihash?.update(chunk);
    this.onChunk?.(chunk.length);
    done(null, chunk);
  }

  /** Hex digests; call once the data has ended. The multihash is undefined for an algorithm Node lacks, md5 when skipped. */
  digests(): { md5?: string; multihash?: string } {
    return { md5: this.md5?.digest('hex'), multihash: this.multihash?.digest('hex') };
  }
}

export interface UploadOptions {
  /** Byte count, sent as Content-Length (chunked bodies get 411 behind some proxies). */
  size?: number;
  /** Backend store (multi-store clouds). */
  store?: string;
  onProgress?: (bytes: number) => void;
}

export interface UploadResult {
  bytes: number;
  md5: string;
  sha512: string;
}

export interface Download {
  /** The data, hashed as it is read; digests() once it has ended. */
  stream: HashingStream;
  /** Content-Length when the server sent one. */
  size?: number;
  /** Content-MD5 header, the last resort for verification. */
  contentMd5?: string;
}

export class ImageDataApi {
  constructor(private readonly session: Session) {}

  /** PUT /v2/images/{id}/file from a stream; resolves with what was actually sent. */
  async upload(imageId: string, data: Readable, options: UploadOptions = {}): Promise<UploadResult> {
    const hashing = new HashingStream('sha512', options.onProgress);
    data.on('error', (err) => hashing.destroy(err));
    const body = data.pipe(hashing);
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
    if (options.size !== undefined) headers['Content-Length'] = String(options.size);
    if (options.store) headers['X-Image-Meta-Store'] = options.store;
    const res = await this.session.request('image', { method: 'PUT', path: `${imagePath(imageId)}/file`, body, headers, idempotent: false });
    await res.body.dump();
    const { md5, multihash } = hashing.digests();
    return { bytes: hashing.bytes, md5: md5!, sha512: multihash! };
  }

  /** GET /v2/images/{id}/file; undefined when the image has no data (204). */
  /** `md5: false` when the caller verifies with `algorithm` alone (see HashingStream). */
  async download(imageId: string, algorithm = 'sha512', onProgress?: (bytes: number) => void, md5 = true): Promise<Download | undefined> {
    const res = await this.session.request('image', { method: 'GET', path: `${imagePath(imageId)}/file`, headers: { Accept: 'application/octet-stream' } });
    if (res.status === 204) {
      await res.body.dump();
      return undefined;
    }
    const stream = new HashingStream(algorithm, onProgress, md5);
    res.body.on('error', (err) => stream.destroy(err));
    res.body.pipe(stream);
    const length = res.headers['content-length'];
    return { stream, size: length === undefined ? undefined : Number(length), contentMd5: res.headers['content-md5'] };
  }
}
