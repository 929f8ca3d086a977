// Image data, streamed both ways and hashed on the fly (md5 for `checksum`, the multihash
// algorithm for `os_hash_value`), so no image is ever held in memory whole.
import { createHash, getHashes, type Hash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { CliError, messageOf } from '../../errors.js';
import type { Session } from '../../session/session.js';
import { fileChunks } from './file-chunks.js';
import { imagePath } from './images.js';
import type { FileHandle } from 'node:fs/promises';
import type { ConnectionLane } from '../../http/wire.js';

export { ConnectionLane } from '../../http/wire.js';

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

/**
 * Data to upload: a regular file (a path, or a handle read from its start), read in place (see
 * fileChunks); chunks a function makes, each time from the start; or any stream (a pipe). The first
 * two can be sent again when a kept-alive connection closes under the upload (HttpRequest.restartBody).
 */
export type UploadData = { file: string | FileHandle } | { chunks: () => AsyncIterable<Buffer> } | { stream: Readable | AsyncIterable<Buffer> };

export interface UploadOptions {
  /** Byte count, sent as Content-Length (chunked bodies get 411 behind some proxies); data of any other length fails the upload. */
  size?: number;
  /** Backend store (multi-store clouds). */
  store?: string;
  onProgress?: (bytes: number) => void;
  /** false: the caller hashed the data before (image-seed's hash pass) and checks Glance's record against that; nothing is hashed on the way. */
  hash?: boolean;
  /** Sent on this lane's own connection (see ConnectionLane): image-seed gives each parallel upload its own. */
  lane?: ConnectionLane;
}

export interface UploadResult {
  bytes: number;
  /** Undefined when the upload was not hashed (`hash: false`). */
  md5?: string;
  sha512?: string;
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

  /** PUT /v2/images/{id}/file; resolves with what was actually sent. */
  async upload(imageId: string, data: UploadData, options: UploadOptions = {}): Promise<UploadResult> {
    const hashed = options.hash !== false;
    let sent: Sent | undefined;
    let reported = 0;
    // Counted and hashed from the start again when the data is sent again: each attempt on its own
    // (an abandoned one may still finish a read), its progress taken back when the next one starts.
    const body = (): AsyncGenerator<Buffer> => {
      const attempt: Sent = { bytes: 0, md5: hashed ? createHash('md5') : undefined, sha512: hashed ? createHash('sha512') : undefined };
      if (reported > 0) options.onProgress?.(-reported);
      reported = 0;
      sent = attempt;
      const onProgress = (bytes: number): void => {
        if (sent !== attempt) return;
        reported += bytes;
        options.onProgress?.(bytes);
      };
      return hashedChunks('file' in data ? fileChunks(data.file) : 'chunks' in data ? data.chunks() : data.stream, attempt, { ...options, onProgress });
    };
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
    if (options.size !== undefined) headers['Content-Length'] = String(options.size);
    if (options.store) headers['X-Image-Meta-Store'] = options.store;
    const res = await this.session.request('image', {
      method: 'PUT',
      path: `${imagePath(imageId)}/file`,
      body: body(),
      headers,
      idempotent: false,
      restartBody: 'stream' in data ? undefined : body,
      lane: options.lane,
    });
    await res.body.dump();
    const { bytes, md5, sha512 } = sent!;
    return { bytes, md5: md5?.digest('hex'), sha512: sha512?.digest('hex') };
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

/**
 * The upload body: each chunk counted, fed to md5 and sha512 and reported, then handed to the
 * socket. Data that outgrows or falls short of the declared size, or cannot be read, fails here
 * with a CliError, which the transport passes on as it is (it is no connection problem).
 */
interface Sent {
  bytes: number;
  md5?: Hash;
  sha512?: Hash;
}

async function* hashedChunks(chunks: AsyncIterable<Buffer | string>, sent: Sent, { size, onProgress }: UploadOptions): AsyncGenerator<Buffer, void, undefined> {
  try {
    for await (const item of chunks) {
      const chunk = typeof item === 'string' ? Buffer.from(item) : item; // a Readable may yield strings
      sent.bytes += chunk.length;
      if (size !== undefined && sent.bytes > size) throw new CliError(`the data went past the ${size} bytes expected`);
      sent.md5?.update(chunk);
      sent.sha512?.update(chunk);
      onProgress?.(chunk.length);
      yield chunk;
    }
  } catch (err) {
    throw err instanceof CliError ? err : new CliError(`cannot read the data (${messageOf(err)})`);
  }
  if (size !== undefined && sent.bytes < size) throw new CliError(`the data ended after ${sent.bytes} of the ${size} bytes expected`);
}
